/**
 * Failures inside a turn: the error handler, a failing typing indicator, a failing question log.
 * Uses fixture entries and a stub knowledge base (unit level).
 */
import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { createApp } from '../../src/bot/app';
import { Messages } from '../../src/chat/messages';
import { answerText } from '../../src/knowledge/answerText';
import type { KnowledgeBase, MatchResult } from '../../src/knowledge/types';
import { singlePartMessage } from '../../src/knowledge/message';
import type { QuestionLog } from '../../src/storage/types';
import { adaptiveCardOf, runTurn, userMessage, visibleReplies } from '../helpers/activities';
import { allFixtureEntries, contactEntry } from '../helpers/entries';
import { RecordingLogger } from '../helpers/logger';
import { MemoryQuestionLog } from '../helpers/questionLog';

/** Answers every question with `contactEntry`, or throws when told to. */
function stubKnowledge(options: { failWith?: Error } = {}): KnowledgeBase {
  return {
    entries: allFixtureEntries,
    loadedAt: new Date(0),
    getEntry: (id) => allFixtureEntries.find((entry) => entry.id === id),
    match: (): MatchResult => {
      if (options.failWith) throw options.failWith;
      return { outcome: 'answer', answer: contactEntry, suggestions: [], candidates: [{ entry: contactEntry, score: 0.9 }] };
    },
    matchMessage(text: string) {
      return singlePartMessage(text, this.match(text));
    },
  };
}

function setup(knowledge: KnowledgeBase, questionLog: QuestionLog = new MemoryQuestionLog()) {
  const logger = new RecordingLogger();
  const app = createApp({ knowledge: { current: () => knowledge }, questionLog, logger });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  adapter.onTurnError = app.adapter.onTurnError;
  return { adapter, logger, turn: (activity: Partial<Activity>) => runTurn(adapter, activity) };
}

describe('createApp: error handling', () => {
  it('should route an exception inside a route to the error handler, log it with context and tell the user in German', async () => {
    const failure = new Error('index corrupted');
    const { turn, logger } = setup(stubKnowledge({ failWith: failure }));
    const replies = visibleReplies(await turn(userMessage('Telefonnummer LaKI', { id: 'activity-42' })));
    expect(replies.map((reply) => reply.text)).toEqual([Messages.turnError]);
    const errors = logger.records.filter((record) => record.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].obj).toMatchObject({
      err: failure,
      activityType: ActivityTypes.Message,
      activityId: 'activity-42',
      conversationId: expect.any(String),
    });
    expect(JSON.stringify(errors[0].obj)).not.toContain('Telefonnummer LaKI');
  });

  it('should log only a short verb string when a failed turn carried a forged card value', async () => {
    const { turn, logger } = setup(stubKnowledge({ failWith: new Error('index corrupted') }));
    const forged = { verb: { question: 'Meine private Frage an die LaKI' } };
    await turn(userMessage('Telefon', { value: forged }));
    await turn(userMessage('Telefon', { value: { verb: 'x'.repeat(5000) } }));
    const errors = logger.records.filter((record) => record.level === 'error');
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors[0].obj)).not.toContain('Meine private Frage');
    expect(errors[0].obj.verb).toBe('object');
    expect(String(errors[1].obj.verb).length).toBeLessThanOrEqual(50);
  });

  it('should keep answering after a failed turn', async () => {
    let fail = true;
    const knowledge = stubKnowledge();
    const flaky: KnowledgeBase = {
      ...knowledge,
      match: (question) => {
        if (fail) throw new Error('transient');
        return knowledge.match(question);
      },
    };
    const { turn } = setup(flaky);
    await turn(userMessage('Telefon'));
    fail = false;
    const [reply] = visibleReplies(await turn(userMessage('Telefon')));
    expect(adaptiveCardOf(reply)?.fallbackText).toBe(answerText(contactEntry));
  });

  it('should log a failing typing indicator and still answer', async () => {
    const { adapter, turn, logger } = setup(stubKnowledge());
    adapter.use(async (context, next) => {
      context.onSendActivities(async (_ctx, activities, nextSend) => {
        if (activities.some((activity) => activity.type === ActivityTypes.Typing)) throw new Error('typing refused');
        return nextSend();
      });
      await next();
    });
    const replies = await turn(userMessage('Telefon'));
    expect(replies.map((reply) => reply.type)).toEqual([ActivityTypes.Message]);
    expect(adaptiveCardOf(replies[0])?.fallbackText).toBe(answerText(contactEntry));
    expect(logger.records).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'could not send typing indicator' }));
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([]);
  });

  it('should log a failing question log and still answer', async () => {
    const brokenLog: QuestionLog = {
      record: async () => {
        throw new Error('disk full');
      },
    };
    const { turn, logger } = setup(stubKnowledge(), brokenLog);
    const [reply] = visibleReplies(await turn(userMessage('Telefon')));
    expect(adaptiveCardOf(reply)?.fallbackText).toBe(answerText(contactEntry));
    expect(logger.records).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'could not record question event', obj: expect.objectContaining({ kind: 'answered' }) }),
    );
  });
});
