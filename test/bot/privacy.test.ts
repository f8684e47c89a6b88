/**
 * The privacy notice (DSGVO information): one click from the welcome and help cards, or
 * "Datenschutz" typed; the facts of this installation (operator, retention, forwarding) from
 * the configuration, through the service factory as production wires it.
 */
import { Activity, TestAdapter } from 'botbuilder';
import { createApp } from '../../src/bot/app';
import { privacyCard } from '../../src/cards';
import { PrivacyMessages as P, Verb } from '../../src/chat';
import { loadConfig } from '../../src/config';
import { createKnowledgeHolder } from '../../src/knowledge';
import { adaptiveCardOf, cardSubmit, membersAdded, runTurn, submitDataOf, TEST_BOT, userMessage, visibleReplies } from '../helpers/activities';
import { RecordingLogger } from '../helpers/logger';
import { MemoryQuestionLog } from '../helpers/questionLog';
import { knowledgeFor, startTestServer } from '../helpers/server';

const text = (card: unknown) => JSON.stringify(card);

describe('privacyCard', () => {
  it('should state the facts of this software by default: question log without identity, tickets with name, for how long', () => {
    const card = text(adaptiveCardOf({ attachments: [privacyCard({ questionLogRetentionDays: 90, ticketRetentionDays: 30 })] }));
    expect(card).toContain(P.title);
    expect(card).toContain(JSON.stringify(P.questionLog(90)).slice(1, -1));
    expect(card).toContain('ohne Namen und ohne Kennung** für 90 Tage');
    expect(card).toContain(JSON.stringify(P.tickets(30)).slice(1, -1));
    expect(card).toContain('Ihren Namen');
    expect(card).toContain(JSON.stringify(P.operatorMissing).slice(1, -1));
    expect(card).toContain(P.rightsHeading);
  });

  it('should say that nothing is forwarded when escalation is off', () => {
    const card = text(adaptiveCardOf({ attachments: [privacyCard({ questionLogRetentionDays: 180 })] }));
    expect(card).toContain(JSON.stringify(P.noTickets).slice(1, -1));
    expect(card).not.toContain('Ihren Namen');
  });

  it('should show the operator, their own text instead of the default, and link the full statement', () => {
    const card = adaptiveCardOf({
      attachments: [
        privacyCard({
          operator: 'Stadt Musterstadt, Datenschutz: datenschutz@musterstadt.example',
          text: 'Eigener Hinweis der Stadt.',
          url: 'https://musterstadt.example/datenschutz',
          questionLogRetentionDays: 180,
        }),
      ],
    });
    expect(text(card)).toContain('Stadt Musterstadt, Datenschutz: datenschutz@musterstadt.example');
    expect(text(card)).toContain('Eigener Hinweis der Stadt.');
    expect(text(card)).not.toContain(P.storedHeading);
    expect(card?.actions).toEqual([{ type: 'Action.OpenUrl', title: P.fullStatement, url: 'https://musterstadt.example/datenschutz' }]);
  });
});

describe('privacy notice in the chat', () => {
  async function setup() {
    const app = createApp({
      knowledge: createKnowledgeHolder(await knowledgeFor()),
      questionLog: new MemoryQuestionLog(),
      logger: new RecordingLogger(),
      privacy: { operator: 'LaKI NRW', questionLogRetentionDays: 60, ticketRetentionDays: 20 },
    });
    const adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
    return (activity: Partial<Activity>) => runTurn(adapter, activity).then(visibleReplies);
  }

  it.each([
    ['the welcome card', membersAdded([TEST_BOT])],
    ['the help card', userMessage('Hilfe')],
  ])('should be one click away from %s', async (_case, activity) => {
    const turn = await setup();
    const [card] = await turn(activity);
    const button = submitDataOf(adaptiveCardOf(card)).find((data) => data.verb === Verb.Privacy);
    expect(button?.title).toBe(P.button);

    const { title: _title, ...payload } = button!;
    const [notice] = await turn(cardSubmit(payload));
    expect(text(adaptiveCardOf(notice))).toContain(P.title);
    expect(text(adaptiveCardOf(notice))).toContain('LaKI NRW');
    expect(text(adaptiveCardOf(notice))).toContain('für 60 Tage');
  });

  it('should answer "Datenschutz" typed on its own', async () => {
    const turn = await setup();
    const [notice] = await turn(userMessage('Datenschutz'));
    expect(text(adaptiveCardOf(notice))).toContain(P.title);
  });
});

describe('privacy notice from the configuration (service factory)', () => {
  it('should read PRIVACY_OPERATOR, PRIVACY_NOTICE and PRIVACY_URL and validate the URL', () => {
    expect(loadConfig({ PRIVACY_OPERATOR: ' Stadt X ', PRIVACY_URL: 'https://x.example/ds/' }).privacy).toEqual({
      operator: 'Stadt X',
      url: 'https://x.example/ds',
    });
    expect(() => loadConfig({ PRIVACY_URL: 'datenschutz.html' })).toThrow(/PRIVACY_URL: must be an http\(s\) URL/);
  });

  it('should show the configured retention and whether questions are forwarded', async () => {
    const service = await startTestServer({ forwarding: true });
    try {
      const response = await fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          ...userMessage('Datenschutz'),
          id: 'm1',
          channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:9/',
          conversation: { id: 'personal-1', conversationType: 'personal' },
          deliveryMode: 'expectReplies',
        }),
      });
      const body = (await response.json()) as { activities: Array<Partial<Activity>> };
      const card = text(adaptiveCardOf(body.activities.find((activity) => activity.attachments)));
      expect(card).toContain('für 180 Tage');
      expect(card).toContain(JSON.stringify(P.tickets(180)).slice(1, -1));
    } finally {
      await service.close();
    }
  });
});
