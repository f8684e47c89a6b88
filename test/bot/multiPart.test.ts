/**
 * Messages with several questions, over the real Bot Framework HTTP protocol: the whole bot with
 * escalation (SQLite, local connector), one card per asked part, and "An die LaKI weiterleiten"
 * on the unanswered part forwarding only that part. Plus the English line, through TestAdapter.
 */
import { Activity, TestAdapter } from 'botbuilder';
import { createApp } from '../../src/bot/app';
import { EnglishMessages, Messages } from '../../src/chat';
import { EscalationMessages as EM } from '../../src/escalation/messages';
import { DraftInput, EscalationVerb } from '../../src/escalation/verbs';
import { answerText } from '../../src/knowledge/answerText';
import { createKnowledgeHolder, loadKnowledgeBase, type IndexedKnowledgeBase } from '../../src/knowledge';
import { adaptiveCardOf, runTurn, submitDataOf, userMessage, visibleReplies } from '../helpers/activities';
import { RecordingLogger } from '../helpers/logger';
import { MemoryQuestionLog } from '../helpers/questionLog';
import { ASKER, ASKER_CONVERSATION, botPerTest, cardOf, personal, sentTo } from '../escalation/botHarness';
import { waitFor } from '../escalation/waitFor';

/** Two questions: the first the knowledge base answers, the second (an amount) it must not. */
const ANSWERED_PART = 'Wie ist die Telefonnummer der LaKI';
const UNANSWERED_PART = 'wie hoch ist die Förderung pro Jahr?';
const TWO_QUESTIONS = `Hallo, ${ANSWERED_PART.charAt(0).toLowerCase()}${ANSWERED_PART.slice(1)} und ${UNANSWERED_PART}`;

jest.setTimeout(30_000);

let realKnowledge: IndexedKnowledgeBase;
beforeAll(async () => {
  realKnowledge = await loadKnowledgeBase('knowledge');
});

describe('a message with two questions (HTTP protocol, escalation, SQLite)', () => {
  const running = botPerTest();

  it('should answer the covered part, decline the other by name, and forward only that part', async () => {
    const { bot, connector } = running;
    expect(await bot.post(personal(connector, { text: TWO_QUESTIONS }))).toBe(200);
    const replies = sentTo(connector, ASKER_CONVERSATION).filter((activity) => activity.type === 'message');
    expect(replies.map((reply) => (cardOf(reply) ? 'card' : reply.text))).toEqual([Messages.multiPartIntro(2), 'card', 'card']);

    const [, answer, noAnswer] = replies.map(cardOf);
    expect(answer.fallbackText).toBe(answerText(realKnowledge.getEntry('laki-telefon')!));
    expect(JSON.stringify(noAnswer)).toContain(Messages.noAnswerTitle);
    expect(JSON.stringify(noAnswer)).toContain(UNANSWERED_PART);
    expect(JSON.stringify(noAnswer)).not.toContain('Telefonnummer');

    // Each card's forward button carries its own part; the unanswered part's goes out.
    const forwards = replies.map((reply) => submitDataOf(cardOf(reply)).find((data) => data.verb === EscalationVerb.Start));
    expect(forwards[1]?.question).not.toBe(UNANSWERED_PART);
    expect(forwards[2]).toMatchObject({ title: EM.forwardAction, question: UNANSWERED_PART });
    const { title: _title, ...start } = forwards[2]!;
    expect(await bot.post(personal(connector, { value: start }))).toBe(200);
    const draft = cardOf(sentTo(connector, ASKER_CONVERSATION).at(-1));
    expect(draft.body.find((element: any) => element.id === DraftInput.Question).value).toBe(UNANSWERED_PART);

    // The asker may edit the part in the draft; what they send is the ticket's question.
    const { title: _t, ...submit } = submitDataOf(draft).find((data) => data.verb === EscalationVerb.Submit)!;
    const edited = `${UNANSWERED_PART} (für unser KI)`;
    expect(await bot.post(personal(connector, { value: { ...submit, [DraftInput.Question]: edited } }))).toBe(200);
    await waitFor(async () => (await bot.store.tickets.listByAsker(ASKER.id, 10)).length === 1);
    const [ticket] = await bot.store.tickets.listByAsker(ASKER.id, 10);
    expect(ticket.question).toBe(edited);
  });

  it('should log each part as its own question for the editors', async () => {
    const { bot, connector } = running;
    await bot.post(personal(connector, { text: TWO_QUESTIONS }));
    const matched = bot.logLines().find((line) => line.msg === 'question matched');
    expect(matched).toMatchObject({ parts: 2, partOutcomes: ['answer', 'none'] });
    expect(JSON.stringify(matched)).not.toContain('Förderung');
  });
});

describe('the English line', () => {
  function setup(language: string | undefined) {
    const knowledge = {
      ...realKnowledge,
      matchMessage: (text: string) => ({ ...realKnowledge.matchMessage(text), ...(language ? { language } : {}) }),
    };
    const app = createApp({ knowledge: createKnowledgeHolder(knowledge), questionLog: new MemoryQuestionLog(), logger: new RecordingLogger() });
    const adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
    return async (text: string) => visibleReplies(await runTurn(adapter, userMessage(text)));
  }

  it('should say once, in English, that the answer is German when the matcher reads English', async () => {
    const replies = await setup('en')('What is the phone number of the LaKI?');
    expect(replies.map((reply: Partial<Activity>) => reply.text ?? 'card')).toEqual([EnglishMessages.answerInGerman, 'card']);
    expect(adaptiveCardOf(replies[1])?.fallbackText).toContain('5215');
  });

  it('should say in English that there is no answer when an English question is declined', async () => {
    const replies = await setup('en')('How much funding does our centre get per year?');
    expect(replies[0].text).toBe(EnglishMessages.noAnswer);
    expect(JSON.stringify(adaptiveCardOf(replies[1]))).toContain(Messages.noAnswerTitle);
  });

  it('should notice an English question itself when the matcher reports no language', async () => {
    const replies = await setup(undefined)('What is the phone number of the LaKI?');
    expect(replies[0].text).toBe(EnglishMessages.answerInGerman);
    expect(adaptiveCardOf(replies[1])?.fallbackText).toContain('5215');
  });

  it('should add no English line to a German question', async () => {
    const replies = await setup(undefined)('Wie ist die Telefonnummer der LaKI?');
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toBeUndefined();
  });
});
