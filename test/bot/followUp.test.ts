/**
 * Follow-ups: the bot keeps the topic of the last answer per conversation, thread and person in
 * the persisted turn state and reads the next message against it. Through botbuilder's
 * TestAdapter with the editors' real knowledge base and the project's real stores (SQLite, and
 * PostgreSQL when a test server is configured).
 */
import { Activity, ConversationAccount, TestAdapter, type Storage } from 'botbuilder';
import { createApp } from '../../src/bot/app';
import { FOLLOW_UP_TTL_MS, topicStorageKey } from '../../src/bot/topic';
import { Messages, Verb } from '../../src/chat';
import { answerText } from '../../src/knowledge/answerText';
import { createKnowledgeHolder, loadKnowledgeBase, type IndexedKnowledgeBase } from '../../src/knowledge';
import type { ConversationContext } from '../../src/knowledge/types';
import { adaptiveCardOf, cardSubmit, runTurn, submitDataOf, userMessage, visibleReplies } from '../helpers/activities';
import { RecordingLogger } from '../helpers/logger';
import { MemoryQuestionLog } from '../helpers/questionLog';
import { describeEachStore, type TestStore } from '../storage/storeFactories';

/** A question the real knowledge base answers, and an elliptic follow-up it declines alone. */
const TOPIC_QUESTION = 'Was ist Rucksack-Kita?';
const TOPIC_ENTRY = 'rucksack-kita';
const FOLLOW_UP = 'was heißt das genau?';

let realKnowledge: IndexedKnowledgeBase;

beforeAll(async () => {
  realKnowledge = await loadKnowledgeBase('knowledge');
});

/** The real knowledge base, recording the context each message was read with. */
function recordingKnowledge() {
  const contexts: Array<ConversationContext | undefined> = [];
  const knowledge: IndexedKnowledgeBase = {
    ...realKnowledge,
    matchMessage: (text, context) => {
      contexts.push(context);
      return realKnowledge.matchMessage(text, context);
    },
  };
  return { knowledge, contexts };
}

function setup(storage: Storage, clock: { now: Date } = { now: new Date('2026-12-05T08:00:00Z') }) {
  const { knowledge, contexts } = recordingKnowledge();
  const app = createApp({
    knowledge: createKnowledgeHolder(knowledge),
    questionLog: new MemoryQuestionLog(),
    logger: new RecordingLogger(),
    storage,
    clock: () => clock.now,
  });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  adapter.onTurnError = app.adapter.onTurnError;
  const turn = async (activity: Partial<Activity>) => visibleReplies(await runTurn(adapter, activity));
  return { turn, contexts, clock };
}

/** The fallback text of the only card of a turn (the answer as users read it). */
function onlyCard(replies: Partial<Activity>[]) {
  expect(replies).toHaveLength(1);
  return adaptiveCardOf(replies[0]);
}

/**
 * The answer card's text of a turn, `undefined` when it showed none (read alone, the follow-up
 * is declined or gets the small-talk pointer, as the matcher decides).
 */
function shownAnswer(replies: Partial<Activity>[]): string | undefined {
  const texts = replies.map((reply) => adaptiveCardOf(reply)?.fallbackText as string | undefined);
  return texts.find((text) => realKnowledge.entries.some((entry) => answerText(entry) === text));
}

const answerOf = (entryId: string) => answerText(realKnowledge.getEntry(entryId)!);

const CHANNEL_THREAD: ConversationAccount = {
  id: '19:laki-team@thread.tacv2;messageid=1733385600000',
  conversationType: 'channel',
  isGroup: true,
  name: 'Allgemein',
};
const ERIKA = { id: '29:erika', name: 'Erika Muster' };
const MAX = { id: '29:max', name: 'Max Muster' };

describeEachStore('follow-ups', (factory) => {
  let store: TestStore;
  beforeEach(async () => (store = await factory.open()));
  afterEach(() => store.cleanup());

  it('should answer an elliptic follow-up in a personal chat from the topic of the last answer', async () => {
    const { turn, contexts } = setup(store.botState);
    expect(onlyCard(await turn(userMessage(TOPIC_QUESTION)))?.fallbackText).toBe(answerOf(TOPIC_ENTRY));
    expect(onlyCard(await turn(userMessage(FOLLOW_UP)))?.fallbackText).toBe(answerOf(TOPIC_ENTRY));
    expect(contexts).toEqual([undefined, { lastEntryId: TOPIC_ENTRY }]);
  });

  it('should keep the topic across a restart: a new app on the same store reads the follow-up', async () => {
    const first = setup(store.botState);
    await first.turn(userMessage(TOPIC_QUESTION));
    const reopened = await store.reopen();
    try {
      const second = setup(reopened.botState);
      expect(onlyCard(await second.turn(userMessage(FOLLOW_UP)))?.fallbackText).toBe(answerOf(TOPIC_ENTRY));
      expect(second.contexts).toEqual([{ lastEntryId: TOPIC_ENTRY }]);
    } finally {
      await reopened.close();
    }
  });

  it('should let the topic expire: a follow-up after FOLLOW_UP_TTL_MS is read alone', async () => {
    const clock = { now: new Date('2026-12-05T08:00:00Z') };
    const { turn, contexts } = setup(store.botState, clock);
    await turn(userMessage(TOPIC_QUESTION));
    clock.now = new Date(clock.now.getTime() + FOLLOW_UP_TTL_MS - 1000);
    expect(onlyCard(await turn(userMessage(FOLLOW_UP)))?.fallbackText).toBe(answerOf(TOPIC_ENTRY));
    // The follow-up's answer renewed the topic; past the TTL from there it is gone.
    clock.now = new Date(clock.now.getTime() + FOLLOW_UP_TTL_MS + 1000);
    const key = topicStorageKey({ ...userMessage(FOLLOW_UP), channelId: 'test', conversation: { id: 'Convo1' } as ConversationAccount })!;
    expect((await store.botState.read([key]))[key]).toMatchObject({ entryId: TOPIC_ENTRY });
    const expired = await turn(userMessage(FOLLOW_UP));
    expect(shownAnswer(expired)).toBeUndefined();
    expect(contexts).toEqual([undefined, { lastEntryId: TOPIC_ENTRY }, undefined]);
    // Read alone it holds no topic: the bot asks for one instead of greeting.
    expect(expired.map((reply) => reply.text)).toEqual([Messages.followUpExpired]);
    // The expired topic is deleted, not left in the store.
    expect(await store.botState.read([key])).toEqual({});
  });

  it('should still answer thanks after an expired topic with the short pointer', async () => {
    const clock = { now: new Date('2026-12-05T08:00:00Z') };
    const { turn } = setup(store.botState, clock);
    await turn(userMessage(TOPIC_QUESTION));
    clock.now = new Date(clock.now.getTime() + FOLLOW_UP_TTL_MS + 1000);
    expect((await turn(userMessage('Danke!'))).map((reply) => reply.text)).toEqual([Messages.smallTalk]);
  });

  it('should keep topics apart for two colleagues in one channel thread', async () => {
    const { turn, contexts } = setup(store.botState);
    await turn(userMessage(TOPIC_QUESTION, { conversation: CHANNEL_THREAD, from: ERIKA }));
    expect(shownAnswer(await turn(userMessage(FOLLOW_UP, { conversation: CHANNEL_THREAD, from: MAX })))).toBeUndefined();
    const erikaReply = onlyCard(await turn(userMessage(FOLLOW_UP, { conversation: CHANNEL_THREAD, from: ERIKA })));
    expect(erikaReply?.fallbackText).toBe(answerOf(TOPIC_ENTRY));
    expect(contexts).toEqual([undefined, undefined, { lastEntryId: TOPIC_ENTRY }]);
  });

  it('should keep topics apart for one person in two threads of a channel', async () => {
    const { turn, contexts } = setup(store.botState);
    const otherThread = { ...CHANNEL_THREAD, id: '19:laki-team@thread.tacv2;messageid=1733389200000' };
    await turn(userMessage(TOPIC_QUESTION, { conversation: CHANNEL_THREAD, from: ERIKA }));
    await turn(userMessage(FOLLOW_UP, { conversation: otherThread, from: ERIKA }));
    expect(contexts).toEqual([undefined, undefined]);
  });

  it('should not bend a complete new question after a follow-up, and move the topic to its answer', async () => {
    const { turn, contexts } = setup(store.botState);
    await turn(userMessage('Wie ist die Telefonnummer der LaKI?'));
    const fax = onlyCard(await turn(userMessage('und die Faxnummer?')));
    expect(fax?.fallbackText).toBe(answerOf('laki-fax'));
    const complete = onlyCard(await turn(userMessage(TOPIC_QUESTION)));
    expect(complete?.fallbackText).toBe(answerOf(TOPIC_ENTRY));
    expect(onlyCard(await turn(userMessage(FOLLOW_UP)))?.fallbackText).toBe(answerOf(TOPIC_ENTRY));
    expect(contexts).toEqual([undefined, { lastEntryId: 'laki-telefon' }, { lastEntryId: 'laki-fax' }, { lastEntryId: TOPIC_ENTRY }]);
  });

  it('should not bend a one-word new topic to the last answer ("Schule" after the phone number)', async () => {
    const { turn } = setup(store.botState);
    await turn(userMessage('Wie ist die Telefonnummer der LaKI?'));
    const replies = await turn(userMessage('Schule'));
    expect(shownAnswer(replies)).not.toBe(answerOf('laki-telefon'));
    const alone = realKnowledge.matchMessage('Schule').main;
    const shownIds = submitDataOf(adaptiveCardOf(replies[0])).filter((data) => data.origin === 'suggestion').map((data) => data.entryId);
    if (alone.outcome === 'suggest') expect(shownIds).toEqual(alone.suggestions.map((entry) => entry.id));
    else expect(shownAnswer(replies)).toBe(answerText(alone.answer!));
  });

  it('should read the turn after a declined message with what it named, keep none of its words, and forget it after an answer', async () => {
    const { turn, contexts } = setup(store.botState);
    expect(shownAnswer(await turn(userMessage('Wie hoch ist das Budget der LaKI?')))).toBeUndefined();
    const key = topicStorageKey({ ...userMessage('x'), channelId: 'test', conversation: { id: 'Convo1' } as ConversationAccount })!;
    const stored = (await store.botState.read([key]))[key];
    expect(stored).toMatchObject({ declined: { actor: 'LaKI', namesOther: true } });
    expect(JSON.stringify(stored)).not.toContain('Budget');
    expect(onlyCard(await turn(userMessage('und wer fördert die?')))?.fallbackText).toBe(answerOf('laki-foerderung'));
    await turn(userMessage(FOLLOW_UP));
    expect(contexts).toEqual([
      undefined,
      { declined: { actor: 'LaKI', namesOther: true, capitalised: true, unknownThing: true } },
      { lastEntryId: 'laki-foerderung' },
    ]);
  });

  it('should keep the last answer\'s topic beside a declined message after it', async () => {
    const { turn, contexts } = setup(store.botState);
    await turn(userMessage(TOPIC_QUESTION));
    expect(shownAnswer(await turn(userMessage('Wie viele Kitas in NRW machen da mit?')))).toBeUndefined();
    await turn(userMessage(FOLLOW_UP));
    expect(contexts[2]).toMatchObject({ lastEntryId: TOPIC_ENTRY, declined: { unknownThing: expect.any(Boolean) } });
  });

  it('should take an entry opened from a card ("Meinten Sie …" or a related topic) as the topic', async () => {
    const { turn, contexts } = setup(store.botState);
    const related = submitDataOf(onlyCard(await turn(userMessage('Wie ist die Telefonnummer der LaKI?')))).find(
      (data) => data.verb === Verb.ShowEntry,
    )!;
    const { title: _title, ...choice } = related;
    await turn(cardSubmit(choice));
    await turn(userMessage(FOLLOW_UP));
    expect(contexts.at(-1)).toEqual({ lastEntryId: choice.entryId });
  });
});
