import type { Request, Response } from 'restify';
import type { IndexedKnowledgeBase } from '../../src/knowledge';
import { askRoute, toAskResponse } from '../../src/server/routes/ask';
import { MAX_TURN_BATCH, turnBatches } from '../../src/server/turnBatch';
import { knowledgeFor } from '../helpers/server';

describe('turnBatches', () => {
  it('should hand the items of one turn to one call, in arrival order, at most MAX_TURN_BATCH at a time', async () => {
    const batches: number[][] = [];
    const add = turnBatches<number>((batch) => batches.push(batch));
    for (let item = 0; item < MAX_TURN_BATCH + 6; item++) add(item);
    expect(batches).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches.map((batch) => batch.length)).toEqual([MAX_TURN_BATCH, 6]);
    expect(batches.flat()).toEqual([...Array(MAX_TURN_BATCH + 6).keys()]);
  });

  it('should put an item added while a batch is handled into the next batch', async () => {
    const batches: string[][] = [];
    const add: (item: string) => void = turnBatches<string>((batch) => {
      batches.push(batch);
      if (batch.includes('first')) add('later');
    });
    add('first');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['first'], ['later']]);
  });
});

/** A restify response that records what the route sends. */
function recordingResponse(): Response & { sent?: { status: number; body: unknown } } {
  const res = {
    headersSent: false,
    json(status: number, body: unknown) {
      res.sent = { status, body };
      res.headersSent = true;
    },
  } as unknown as Response & { sent?: { status: number; body: unknown }; headersSent: boolean };
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

  it('should answer each question of a batch with its own result', async () => {
    const handle = askRoute(() => kb);
    const responses = questions.map(() => recordingResponse());
    const settled = questions.map((question, index) => handle(askRequest(question), responses[index]!));
    // Nothing is answered before the turn's batch runs.
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
});
