/**
 * The bot through botbuilder's TestAdapter, with the editors' real knowledge base.
 */
import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { createApp } from '../../src/bot/app';
import { CardActionMessages } from '../../src/chat';
import { EXAMPLE_QUESTIONS, Messages } from '../../src/chat/messages';
import { Verb } from '../../src/chat/verbs';
import { answerText } from '../../src/knowledge/answerText';
import { createKnowledgeHolder, loadKnowledgeBase, type IndexedKnowledgeBase } from '../../src/knowledge';
import type { KnowledgeBase } from '../../src/knowledge/types';
import { singlePartMessage } from '../../src/knowledge/message';
import {
  adaptiveCardOf,
  cardSubmit,
  membersAdded,
  recordUpdates,
  runTurn,
  submitDataOf,
  TEST_BOT,
  TEST_USER,
  userMessage,
  visibleReplies,
} from '../helpers/activities';
import { RecordingLogger } from '../helpers/logger';
import { MemoryQuestionLog } from '../helpers/questionLog';

const UNKNOWN_QUESTION = 'Wie hoch ist die Förderung pro Jahr?';
const PHONE_QUESTION = 'Wie ist die Telefonnummer der LaKI?';
/**
 * One-word questions that several entries fit. The matcher is tuned over time, so the suggest
 * tests take the first of these it currently answers with "Meinten Sie …" (and fail if none).
 */
const AMBIGUOUS_CANDIDATES = ['Schule', 'Angebote', 'Programm', 'Fortbildung'];
let AMBIGUOUS_QUESTION = '';

let realKnowledge: IndexedKnowledgeBase;

beforeAll(async () => {
  realKnowledge = await loadKnowledgeBase('knowledge');
  AMBIGUOUS_QUESTION = AMBIGUOUS_CANDIDATES.find((q) => realKnowledge.match(q).outcome === 'suggest') ?? '';
});

function setup(knowledge: KnowledgeBase = realKnowledge) {
  const questionLog = new MemoryQuestionLog();
  const logger = new RecordingLogger();
  const holder = createKnowledgeHolder(knowledge);
  const app = createApp({ knowledge: holder, questionLog, logger });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  // createApp installed its error handler on its own adapter; the TestAdapter takes the same one.
  adapter.onTurnError = app.adapter.onTurnError;
  const turn = (activity: Partial<Activity>) => runTurn(adapter, activity);
  return { app, adapter, holder, questionLog, logger, turn };
}

/** The one visible reply of a turn. */
async function onlyReply(turn: (a: Partial<Activity>) => Promise<Partial<Activity>[]>, activity: Partial<Activity>) {
  const replies = visibleReplies(await turn(activity));
  expect(replies).toHaveLength(1);
  return replies[0];
}

function cardTexts(card: unknown): string {
  return JSON.stringify(card);
}

describe('createApp: welcome and help', () => {
  it('should send the welcome card with example questions when installed in a personal chat', async () => {
    const { turn } = setup();
    const reply = await onlyReply(turn, membersAdded([TEST_BOT]));
    const card = adaptiveCardOf(reply);
    expect(cardTexts(card)).toContain(Messages.welcomeTitle);
    expect(submitDataOf(card).filter((data) => data.verb === Verb.Ask).map((data) => data.question)).toEqual([...EXAMPLE_QUESTIONS]);
  });

  it('should greet a team only when the bot itself is added, with a one-line hint instead of the welcome card', async () => {
    const { turn } = setup();
    expect(await turn(membersAdded([{ id: 'new-colleague', name: 'Neue Kollegin' }], 'channel'))).toEqual([]);
    const reply = await onlyReply(turn, membersAdded([TEST_BOT], 'channel'));
    expect(reply.text).toBe(Messages.channelInstallHint);
    expect(reply.attachments ?? []).toEqual([]);
  });

  it('should still send the welcome card when added to a group chat', async () => {
    const { turn } = setup();
    const reply = await onlyReply(turn, membersAdded([TEST_BOT], 'groupChat'));
    expect(cardTexts(adaptiveCardOf(reply))).toContain(Messages.welcomeTitle);
  });

  it.each(['Hilfe', 'hilfe', ' HELP ', '?', 'Hilfe!'])('should answer %p with the help card', async (text) => {
    const { turn, questionLog } = setup();
    const reply = await onlyReply(turn, userMessage(text));
    expect(cardTexts(adaptiveCardOf(reply))).toContain(Messages.helpTitle);
    expect(questionLog.events).toEqual([]);
  });

  it.each(EXAMPLE_QUESTIONS.map((question) => [question]))(
    'should answer the example question %p from its button with an answer card',
    async (question) => {
      const { turn, questionLog } = setup();
      const reply = await onlyReply(turn, cardSubmit({ verb: Verb.Ask, question }));
      expect(adaptiveCardOf(reply)?.fallbackText).toEqual(expect.any(String));
      expect(questionLog.events).toEqual([expect.objectContaining({ kind: 'answered', question })]);
    },
  );
});

describe('createApp: questions', () => {
  it('should show typing, then answer a German question with the answer card and log it', async () => {
    const { turn, questionLog } = setup();
    const replies = await turn(userMessage(PHONE_QUESTION));
    expect(replies.map((reply) => reply.type)).toEqual([ActivityTypes.Typing, ActivityTypes.Message]);
    const card = adaptiveCardOf(replies[1]);
    const entry = realKnowledge.getEntry('laki-telefon')!;
    expect(card?.fallbackText).toBe(answerText(entry));
    expect(card?.fallbackText).toContain('5215');
    expect(cardTexts(card)).toContain('tel:+492931825215');
    expect(questionLog.events).toEqual([
      { kind: 'answered', question: PHONE_QUESTION, outcome: 'answer', score: expect.any(Number), entryId: 'laki-telefon' },
    ]);
    expect(questionLog.events[0].score).toBeGreaterThan(0);
  });

  it('should answer Teams-formatted text and a question with an @mention in a channel', async () => {
    const { turn } = setup();
    const formatted = await onlyReply(turn, userMessage('<p>Was ist Rucksack-Kita?</p>'));
    expect(adaptiveCardOf(formatted)?.fallbackText).toBe(answerText(realKnowledge.getEntry('rucksack-kita')!));

    const mention = `<at>${TEST_BOT.name}</at>`;
    const mentioned = await onlyReply(
      turn,
      userMessage(`${mention} Telefonnummer LaKI`, {
        conversation: { id: 'team-thread', conversationType: 'channel', isGroup: true, name: 'General' },
        entities: [{ type: 'mention', text: mention, mentioned: TEST_BOT }],
      }),
    );
    expect(adaptiveCardOf(mentioned)?.fallbackText).toContain('5215');
  });

  it('should decline a question the knowledge base does not cover, honestly, and log it', async () => {
    const { turn, questionLog } = setup();
    const card = adaptiveCardOf(await onlyReply(turn, userMessage(UNKNOWN_QUESTION)));
    expect(cardTexts(card)).toContain(Messages.noAnswerTitle);
    expect(cardTexts(card)).toContain(Messages.noAnswerExplanation);
    expect(cardTexts(card)).toContain(UNKNOWN_QUESTION);
    expect(questionLog.events).toEqual([expect.objectContaining({ kind: 'declined', question: UNKNOWN_QUESTION, outcome: 'none' })]);
  });

  it('should show the topics near a declined question as buttons that open them, not as an answer', async () => {
    const { turn, questionLog } = setup();
    const question = 'Wie hoch ist die Förderung der LaKI?';
    const card = adaptiveCardOf(await onlyReply(turn, userMessage(question)));
    for (const text of [Messages.noAnswerTitle, Messages.noAnswerNearbyHeading, Messages.noAnswerNearbyIntro]) expect(cardTexts(card)).toContain(text);
    const nearby = submitDataOf(card).filter((data) => data.origin === 'nearby');
    expect(nearby.map((data) => data.entryId)).toEqual(['laki-foerderung']);
    expect(questionLog.events).toEqual([expect.objectContaining({ kind: 'declined', question, outcome: 'none' })]);

    const { title, ...payload } = nearby[0];
    const reply = adaptiveCardOf(await onlyReply(turn, cardSubmit(payload)));
    expect(cardTexts(reply)).toContain(title as string);
    expect(reply?.fallbackText).toBe(answerText(realKnowledge.getEntry('laki-foerderung')!));
    // Looking at a nearby topic is no sign that it answers the question: logged as opened, not as a
    // chosen suggestion, and the entry's "Hilfreich?" rates the entry, not an answer to the question.
    expect(questionLog.events).toEqual([
      expect.objectContaining({ kind: 'declined', question }),
      { kind: 'nearby-opened', question, entryId: 'laki-foerderung' },
    ]);
    const notHelpful = submitDataOf(reply).find((data) => data.verb === Verb.Feedback && data.helpful === false)!;
    expect(notHelpful.question).toBeUndefined();
  });

  it('should show no nearby topics when no entry came near the question', async () => {
    const { turn } = setup();
    const card = adaptiveCardOf(await onlyReply(turn, userMessage(UNKNOWN_QUESTION)));
    expect(cardTexts(card)).not.toContain(Messages.noAnswerNearbyHeading);
    expect(submitDataOf(card).filter((data) => data.origin === 'nearby')).toEqual([]);
  });

  it.each(['Hallo', 'Guten Morgen!', 'Danke'])('should answer %p, which holds no question, with a short pointer and log nothing', async (text) => {
    const { turn, questionLog } = setup();
    const reply = await onlyReply(turn, userMessage(text));
    expect(reply.text).toBe(Messages.smallTalk);
    expect(questionLog.events).toEqual([]);
  });

  it('should offer "Meinten Sie …" and open the chosen entry, logging both', async () => {
    expect(AMBIGUOUS_QUESTION).not.toBe('');
    const { turn, questionLog } = setup();
    const card = adaptiveCardOf(await onlyReply(turn, userMessage(AMBIGUOUS_QUESTION)));
    expect(cardTexts(card)).toContain(Messages.suggestTitle);
    const choices = submitDataOf(card).filter((data) => data.verb === Verb.ShowEntry);
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.length).toBeLessThanOrEqual(3);
    expect(questionLog.events[0]).toMatchObject({
      kind: 'suggested',
      question: AMBIGUOUS_QUESTION,
      suggestedIds: choices.map((choice) => choice.entryId),
    });

    const { title: _title, ...chosen } = choices[1];
    const answer = adaptiveCardOf(await onlyReply(turn, cardSubmit(chosen)));
    const entry = realKnowledge.getEntry(chosen.entryId as string)!;
    expect(answer?.fallbackText).toBe(answerText(entry));
    expect(questionLog.events[1]).toEqual({ kind: 'suggestion-chosen', question: AMBIGUOUS_QUESTION, entryId: entry.id });
  });

  it('should show the no-answer card for "Nichts davon passt"', async () => {
    const { turn } = setup();
    const card = adaptiveCardOf(await onlyReply(turn, userMessage(AMBIGUOUS_QUESTION)));
    const { title: _title, ...noneFits } = submitDataOf(card).find((data) => data.verb === Verb.NoneFits)!;
    const reply = adaptiveCardOf(await onlyReply(turn, cardSubmit(noneFits)));
    expect(cardTexts(reply)).toContain(Messages.noAnswerTitle);
    expect(cardTexts(reply)).toContain(AMBIGUOUS_QUESTION);
  });

  it('should open a related entry from an answer card without logging it as a chosen suggestion', async () => {
    const { turn, questionLog } = setup();
    const card = adaptiveCardOf(await onlyReply(turn, userMessage(PHONE_QUESTION)));
    const related = submitDataOf(card).filter((data) => data.origin === 'related');
    expect(related.length).toBeGreaterThan(0);
    const { title, ...payload } = related[0];
    const reply = adaptiveCardOf(await onlyReply(turn, cardSubmit(payload)));
    expect(cardTexts(reply)).toContain(title as string);
    expect(reply?.fallbackText).toBe(answerText(realKnowledge.getEntry(payload.entryId as string)!));
    expect(questionLog.events.map((event) => event.kind)).toEqual(['answered']);
  });

  it.each([
    [true, 'feedback-helpful'],
    [false, 'feedback-not-helpful'],
  ] as const)('should record feedback helpful=%p as %s with the entry id', async (helpful, kind) => {
    const { turn, questionLog } = setup();
    const card = adaptiveCardOf(await onlyReply(turn, userMessage(PHONE_QUESTION)));
    const { title: _title, ...payload } = submitDataOf(card).find((data) => data.verb === Verb.Feedback && data.helpful === helpful)!;
    const reply = await onlyReply(turn, cardSubmit(payload));
    if (helpful) expect(reply.text).toBe(CardActionMessages.feedbackChosen(true));
    else expect(cardTexts(adaptiveCardOf(reply))).toContain(Messages.feedbackNotHelpfulText);
    expect(questionLog.events[1]).toEqual({ kind, question: PHONE_QUESTION, entryId: 'laki-telefon' });
  });

  it.each([true, false])(
    'should replace the rated card in place so it cannot be rated twice (helpful=%p)',
    async (helpful) => {
      const { adapter, turn, questionLog } = setup();
      const updates = recordUpdates(adapter);
      const [, answer] = await turn(userMessage(PHONE_QUESTION));
      const { title: _title, ...payload } = submitDataOf(adaptiveCardOf(answer)).find(
        (data) => data.verb === Verb.Feedback && data.helpful === helpful,
      )!;
      const replies = visibleReplies(await turn(cardSubmit(payload, { replyToId: answer.id })));

      expect(updates).toHaveLength(1);
      expect(updates[0].id).toBe(answer.id);
      const updated = adaptiveCardOf(updates[0]);
      expect(updated?.fallbackText).toBe(adaptiveCardOf(answer)?.fallbackText);
      expect(submitDataOf(updated).filter((data) => data.verb === Verb.Feedback)).toEqual([]);
      expect(cardTexts(updated)).toContain(Messages.feedbackThanks);
      // The card says which answer was chosen.
      expect(cardTexts(updated)).toContain(CardActionMessages.feedbackChosen(helpful));
      // Helpful: the updated card is the thanks. Not helpful: a card with next steps follows.
      if (helpful) expect(replies).toEqual([]);
      else expect(cardTexts(adaptiveCardOf(replies[0]))).toContain(Messages.feedbackNotHelpfulText);
      expect(questionLog.events.map((event) => event.kind)).toEqual(['answered', helpful ? 'feedback-helpful' : 'feedback-not-helpful']);
    },
  );

  it.each([true, false])('should rate a card once per person: a second click (helpful=%p) records nothing and says what was chosen', async (helpful) => {
    const { adapter, turn, questionLog } = setup();
    const updates = recordUpdates(adapter);
    const [, answer] = await turn(userMessage(PHONE_QUESTION));
    const feedback = (yes: boolean) => {
      const { title: _title, ...payload } = submitDataOf(adaptiveCardOf(answer)).find((data) => data.verb === Verb.Feedback && data.helpful === yes)!;
      return payload;
    };
    await turn(cardSubmit(feedback(helpful), { replyToId: answer.id }));

    // The same person clicks again on the stale card, even the other button.
    const again = visibleReplies(await turn(cardSubmit(feedback(!helpful), { replyToId: answer.id })));

    expect(again.map((reply) => reply.text)).toEqual([CardActionMessages.feedbackAlreadyGiven(helpful)]);
    expect(questionLog.events.map((event) => event.kind)).toEqual(['answered', helpful ? 'feedback-helpful' : 'feedback-not-helpful']);
    // The card is put right again, with the first choice.
    expect(cardTexts(adaptiveCardOf(updates[updates.length - 1]))).toContain(CardActionMessages.feedbackChosen(helpful));

    // Someone else in the same conversation may still rate the same card once.
    const other = { id: 'user-2', name: 'Max Beispiel', aadObjectId: 'aad-2' };
    await turn(cardSubmit(feedback(true), { replyToId: answer.id, from: other }));
    expect(questionLog.events).toHaveLength(3);
  });

  it('should thank with a message when the rated card cannot be updated', async () => {
    const { adapter, turn, logger } = setup();
    adapter.use(async (context, next) => {
      context.onUpdateActivity(async () => {
        throw new Error('update refused');
      });
      await next();
    });
    const [, answer] = await turn(userMessage(PHONE_QUESTION));
    const { title: _title, ...payload } = submitDataOf(adaptiveCardOf(answer)).find((data) => data.helpful === true)!;
    const reply = await onlyReply(turn, cardSubmit(payload, { replyToId: answer.id }));
    expect(reply.text).toBe(CardActionMessages.feedbackChosen(true));
    expect(logger.records).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'could not update the rated answer card' }));
  });

  it('should use the knowledge base current at each turn (hot reload)', async () => {
    const { turn, holder } = setup();
    const replacement: KnowledgeBase = {
      entries: [],
      loadedAt: new Date(),
      getEntry: () => undefined,
      match: () => ({ outcome: 'none', answer: null, suggestions: [], candidates: [] }),
      matchMessage(text: string) {
        return singlePartMessage(text, this.match(text));
      },
    };
    holder.replace(replacement as IndexedKnowledgeBase);
    const card = adaptiveCardOf(await onlyReply(turn, userMessage(PHONE_QUESTION)));
    expect(cardTexts(card)).toContain(Messages.noAnswerTitle);
  });
});

describe('createApp: bad input', () => {
  it.each([
    ['a feedback with a numeric entry id', { verb: Verb.Feedback, entryId: 5, helpful: true }, Messages.invalidCardAction],
    ['a feedback without helpful', { verb: Verb.Feedback, entryId: 'laki-telefon' }, Messages.invalidCardAction],
    ['a show-entry with a path as id', { verb: Verb.ShowEntry, entryId: '../etc/passwd', origin: 'related' }, Messages.invalidCardAction],
    ['a show-entry with an unknown origin', { verb: Verb.ShowEntry, entryId: 'laki-telefon', origin: 'x' }, Messages.invalidCardAction],
    ['an ask without a question', { verb: Verb.Ask, question: '   ' }, Messages.invalidCardAction],
    ['a none-fits with an oversized question', { verb: Verb.NoneFits, question: 'x'.repeat(1001) }, Messages.invalidCardAction],
    ['an unknown verb', { verb: 'deleteEverything' }, Messages.invalidCardAction],
    ['a payload without verb', {}, Messages.invalidCardAction],
    ['an array payload', [1, 2], Messages.invalidCardAction],
    ['a string payload', 'feedback', Messages.invalidCardAction],
    ['a null payload', null, Messages.textOnly],
    ['an entry id that does not exist', { verb: Verb.ShowEntry, entryId: 'gibt-es-nicht', origin: 'related' }, Messages.unknownEntry],
  ])('should answer %s with a clear German message and no error', async (_name, value, expected) => {
    const { turn, logger, questionLog } = setup();
    const reply = await onlyReply(turn, cardSubmit(value));
    expect(reply.text).toBe(expected);
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([]);
    expect(questionLog.events).toEqual([]);
  });

  it('should ask for text when a message has none (e.g. only an image)', async () => {
    const { turn } = setup();
    const reply = await onlyReply(turn, {
      type: ActivityTypes.Message,
      from: TEST_USER,
      attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/bild.png' }],
    });
    expect(reply.text).toBe(Messages.textOnly);
  });

  it('should ask for a shorter question over 1,000 characters', async () => {
    const { turn, questionLog } = setup();
    const reply = await onlyReply(turn, userMessage(`Telefon ${'bitte '.repeat(200)}`));
    expect(reply.text).toBe(Messages.questionTooLong(1000));
    expect(questionLog.events).toEqual([]);
  });
});
