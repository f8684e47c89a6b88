import type { Request, Response } from 'restify';
import type { IndexedKnowledgeBase } from '../../../src/knowledge';
import { askRoute, toAskResponse } from '../../../src/server/routes/ask';
import { knowledgeFor } from '../../helpers/server';

/** A restify response that records what the route sends. */
type RecordingResponse = Response & { sent?: { status: number; body: unknown }; destroyed: boolean };

function recordingResponse(destroyed = false): RecordingResponse {
  const res = {
    headersSent: false,
    destroyed,
    json(status: number, body: unknown) {
      res.sent = { status, body };
      res.headersSent = true;
    },
  } as unknown as RecordingResponse & { headersSent: boolean };
  return res;
}

function askRequest(question: string): Request {
  return { query: { q: question } } as unknown as Request;
}

describe('askRoute with questions that arrive in one turn', () => {
  let kb: IndexedKnowledgeBase;
  beforeAll(async () => {
    kb = await knowledgeFor();
  });

  const questions = ['Wie erreiche ich die LaKI telefonisch?', 'Was ist Rucksack-Kita?', 'Kita', 'Wie hoch ist die Förderung pro Jahr?', 'Welche Handlungsfelder gibt es?'];

  it('should answer each question of a batch with its own result, after the batch', async () => {
    const handle = askRoute(() => kb);
    const responses = questions.map(() => recordingResponse());
    const settled = questions.map((question, index) => handle(askRequest(question), responses[index]!));
    expect(responses.every((res) => res.sent === undefined)).toBe(true);
    await Promise.all(settled);
    expect(responses.map((res) => res.sent)).toEqual(questions.map((question) => ({ status: 200, body: toAskResponse(kb.matchMessage(question)) })));
  });

  it('should fail only the question whose matching throws', async () => {
    const failing: IndexedKnowledgeBase = {
      ...kb,
      matchMessage: (text, context) => {
        if (text === 'Kita') throw new Error('matcher bug');
        return kb.matchMessage(text, context);
      },
    };
    const handle = askRoute(() => failing);
    const responses = questions.map(() => recordingResponse());
    const outcomes = await Promise.allSettled(questions.map((question, index) => handle(askRequest(question), responses[index]!)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new Error('matcher bug'));
    expect(responses[2]!.sent).toBeUndefined();
    expect(responses[3]!.sent).toEqual({ status: 200, body: toAskResponse(kb.matchMessage(questions[3]!)) });
  });

  it('should not match the question of a client that has gone', async () => {
    const asked: string[] = [];
    const counting: IndexedKnowledgeBase = {
      ...kb,
      matchMessage: (text, context) => {
        asked.push(text);
        return kb.matchMessage(text, context);
      },
    };
    const handle = askRoute(() => counting);
    const gone = recordingResponse(true);
    const here = recordingResponse();
    await Promise.all([handle(askRequest('Kita'), gone), handle(askRequest('Was ist Rucksack-Kita?'), here)]);
    expect(asked).toEqual(['Was ist Rucksack-Kita?']);
    expect(gone.sent).toBeUndefined();
    expect(here.sent?.status).toBe(200);
  });
});
