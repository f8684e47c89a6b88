/**
 * The extension points later features use (e.g. "An die LaKI weiterleiten"): routes that win
 * over the catch-all, and extra buttons on the answer, suggest, no-answer and not-helpful cards.
 */
import { Activity, TestAdapter } from 'botbuilder';
import { createApp } from '../../src/bot/app';
import type { AppExtension } from '../../src/bot/extensions';
import { Messages } from '../../src/chat/messages';
import { Verb } from '../../src/chat/verbs';
import type { KnowledgeBase, MatchResult } from '../../src/knowledge/types';
import { singlePartMessage } from '../../src/knowledge/message';
import type { CardAction } from '../../src/cards';
import { adaptiveCardOf, cardSubmit, membersAdded, runTurn, TEST_BOT, userMessage, visibleReplies } from '../helpers/activities';
import { allFixtureEntries, contactEntry, griffbereitEntry, rucksackEntry } from '../helpers/entries';
import { RecordingLogger } from '../helpers/logger';
import { MemoryQuestionLog } from '../helpers/questionLog';

const results: Record<string, MatchResult> = {
  Telefon: { outcome: 'answer', answer: contactEntry, suggestions: [], candidates: [{ entry: contactEntry, score: 0.9 }] },
  Kita: {
    outcome: 'suggest',
    answer: null,
    suggestions: [rucksackEntry, griffbereitEntry],
    candidates: [
      { entry: rucksackEntry, score: 0.6 },
      { entry: griffbereitEntry, score: 0.55 },
    ],
  },
};

const knowledge: KnowledgeBase = {
  entries: allFixtureEntries,
  loadedAt: new Date(0),
  getEntry: (id) => allFixtureEntries.find((entry) => entry.id === id),
  match: (question) => results[question] ?? { outcome: 'none', answer: null, suggestions: [], candidates: [] },
  matchMessage(text: string) {
    return singlePartMessage(text, this.match(text));
  },
};

function forward(question: string | undefined): CardAction {
  return { type: 'Action.Submit', title: 'An die LaKI weiterleiten', data: { verb: 'escalate', question } };
}

function setup() {
  const escalation: AppExtension = {
    name: 'escalation',
    register: (app) => {
      app.message(/^\s*LaKI fragen:/i, async (context) => {
        await context.sendActivity('weitergeleitet');
      });
      app.adaptiveCards.actionSubmit('escalate', async (context) => {
        await context.sendActivity('Entwurf');
      });
    },
    channelInstallNote: (activity) => (activity.conversation?.id === 'conv-inbox' ? 'Hier erscheinen Tickets.' : undefined),
    cardActions: {
      answer: (_entry, question) => [forward(question)],
      suggest: (question) => [forward(question)],
      noAnswer: (question) => [forward(question)],
      notHelpful: (_entryId, question) => [forward(question)],
    },
  };
  const app = createApp({ knowledge: { current: () => knowledge }, questionLog: new MemoryQuestionLog(), logger: new RecordingLogger(), extensions: [escalation] });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  adapter.onTurnError = app.adapter.onTurnError;
  return async (activity: Partial<Activity>) => visibleReplies(await runTurn(adapter, activity));
}

describe('createApp: extensions', () => {
  it.each([
    ['the answer card', userMessage('Telefon'), 'Telefon'],
    ['the suggest card', userMessage('Kita'), 'Kita'],
    ['the no-answer card', userMessage('Förderbetrag 2027'), 'Förderbetrag 2027'],
    ['the not-helpful reply', cardSubmit({ verb: Verb.Feedback, entryId: 'laki-telefon', helpful: false, question: 'Telefon' }), 'Telefon'],
  ])('should add the extension actions to %s', async (_name, activity, question) => {
    const turn = setup();
    const [reply] = await turn(activity);
    expect((adaptiveCardOf(reply) as { actions?: unknown[] }).actions).toEqual([forward(question)]);
  });

  it('should let extension routes win over the catch-all and the unknown-action route', async () => {
    const turn = setup();
    expect((await turn(userMessage('LaKI fragen: Wie hoch ist die Förderung?'))).map((r) => r.text)).toEqual(['weitergeleitet']);
    expect((await turn(cardSubmit({ verb: 'escalate', question: 'x' }))).map((r) => r.text)).toEqual(['Entwurf']);
  });

  it("should post the extension's note when the bot is added to its channel, and the bot's hint elsewhere", async () => {
    const turn = setup();
    const inInbox = { ...membersAdded([TEST_BOT], 'channel'), conversation: { id: 'conv-inbox', conversationType: 'channel', isGroup: true, name: '' } };
    expect((await turn(inInbox)).map((r) => r.text)).toEqual(['Hier erscheinen Tickets.']);
    expect((await turn(membersAdded([TEST_BOT], 'channel'))).map((r) => r.text)).toEqual([Messages.channelInstallHint]);
  });
});
