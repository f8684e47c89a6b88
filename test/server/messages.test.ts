import type { Activity } from 'botbuilder';
import { answerText } from '../../src/knowledge';
import { adaptiveCardOf, membersAdded, TEST_BOT, userMessage } from '../helpers/activities';
import { startConnector, type Connector, type ConnectorRequest } from '../helpers/connector';
import { startTestServer, type TestServer } from '../helpers/server';

const LAKI_PHONE = '02931 82 5215';
let sequence = 0;

/** A Teams activity as the Bot Framework service posts it to `/api/messages`. */
function teamsActivity(serviceUrl: string, partial: Partial<Activity>, conversationId: string): Record<string, unknown> {
  return {
    id: `incoming-${++sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'de-DE',
    channelData: { tenant: { id: 'tenant-1' } },
    ...partial,
    conversation: { conversationType: 'personal', ...partial.conversation, id: conversationId, tenantId: 'tenant-1' },
  };
}

describe('POST /api/messages with a local Bot Framework connector', () => {
  let service: TestServer;
  let connector: Connector;

  beforeAll(async () => {
    [service, connector] = await Promise.all([startTestServer(), startConnector()]);
  });

  afterAll(async () => {
    await Promise.all([service.close(), connector.close()]);
  });

  beforeEach(() => connector.reset());

  async function postActivity(activity: Record<string, unknown>): Promise<number> {
    const response = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      // Teams sends the charset parameter; it must not matter.
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(activity),
    });
    await response.arrayBuffer();
    return response.status;
  }

  const isCardReply = (conversationId: string) => (request: ConnectorRequest) =>
    request.operation === 'reply' && request.conversationId === conversationId && adaptiveCardOf(request.body) !== undefined;

  it('should deliver the answer card for a German question to the connector', async () => {
    const conversationId = 'a:1Xyz-personal;messageid=1';
    const activity = teamsActivity(connector.url, userMessage('Wie erreiche ich die LaKI telefonisch?'), conversationId);
    expect(await postActivity(activity)).toBe(200);

    const reply = await connector.waitFor(isCardReply(conversationId));
    expect(reply.method).toBe('POST');
    expect(reply.activityId).toBe(activity.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ type: 'message', replyToId: activity.id, conversation: { id: conversationId } });
    expect(reply.body.from.id).toBe(TEST_BOT.id);

    const answered = service.knowledge.current().match('Wie erreiche ich die LaKI telefonisch?').answer!;
    const card = adaptiveCardOf(reply.body)!;
    expect(JSON.stringify(card)).toContain(answered.title);
    expect(JSON.stringify(card)).toContain(LAKI_PHONE);
    expect(answerText(answered)).toContain(LAKI_PHONE);

    const typing = connector.requests.filter((r) => r.conversationId === conversationId && r.body?.type === 'typing');
    expect(typing.length).toBe(1);
    expect(connector.requests.indexOf(typing[0])).toBeLessThan(connector.requests.indexOf(reply));
  });

  it('should record the answered question in the SQLite question log', async () => {
    const question = 'Was macht das Programm Griffbereit?';
    await postActivity(teamsActivity(connector.url, userMessage(question), 'conv-log'));
    await connector.waitFor(isCardReply('conv-log'));
    const row = service.store.db
      .prepare('SELECT kind, outcome, entry_id AS entryId FROM question_log WHERE question = ?')
      .get(question) as { kind: string; outcome: string; entryId: string } | undefined;
    const expected = service.knowledge.current().match(question);
    expect(row).toEqual({ kind: 'answered', outcome: 'answer', entryId: expected.answer!.id });
  });

  it('should send the honest no-answer card for an uncovered question', async () => {
    await postActivity(teamsActivity(connector.url, userMessage('Wie backe ich einen Apfelkuchen?'), 'conv-none'));
    const reply = await connector.waitFor(isCardReply('conv-none'));
    const card = JSON.stringify(adaptiveCardOf(reply.body));
    for (const entry of service.knowledge.current().entries) expect(card).not.toContain(entry.answer);
    const row = service.store.db
      .prepare("SELECT outcome FROM question_log WHERE question = 'Wie backe ich einen Apfelkuchen?'")
      .get() as { outcome: string };
    expect(row.outcome).toBe('none');
  });

  it('should welcome a user who installs the bot', async () => {
    const update = teamsActivity(connector.url, membersAdded([{ id: 'user-1', name: 'Erika Mustermann' }]), 'conv-welcome');
    expect(await postActivity(update)).toBe(200);
    const reply = await connector.waitFor(isCardReply('conv-welcome'));
    expect(reply.body.type).toBe('message');
  });

  it('should answer parallel conversations each in their own conversation', async () => {
    const questions = [
      'Wie erreiche ich die LaKI telefonisch?',
      'Was ist Rucksack-Kita?',
      'Welche Handlungsfelder gibt es?',
      'Wer kann ein Kommunales Integrationszentrum einrichten?',
      'Wie lautet die E-Mail-Adresse der LaKI?',
    ];
    const kb = service.knowledge.current();
    const statuses = await Promise.all(
      questions.map((q, i) => postActivity(teamsActivity(connector.url, userMessage(q), `conv-parallel-${i}`))),
    );
    expect(statuses).toEqual(questions.map(() => 200));
    for (const [i, question] of questions.entries()) {
      const reply = await connector.waitFor(isCardReply(`conv-parallel-${i}`));
      const expected = kb.match(question);
      const shown = expected.answer?.title ?? expected.suggestions[0]?.title;
      expect(shown).toBeDefined();
      expect(JSON.stringify(adaptiveCardOf(reply.body))).toContain(shown!);
    }
  });

  it('should keep serving when the connector refuses every reply', async () => {
    connector.failNext('reply', ...Array.from({ length: 10 }, () => ({ status: 400 })));
    const status = await postActivity(teamsActivity(connector.url, userMessage('Was ist die LaKI?'), 'conv-down'));
    // The turn failed downstream: the bot's error handler logs it and the request still ends.
    expect(status).toBe(200);
    expect(connector.requests.filter((r) => r.conversationId === 'conv-down').every((r) => r.status === 400)).toBe(true);
    expect(service.logLines()).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'bot turn failed', conversationId: 'conv-down' }),
    );

    connector.reset();
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    await postActivity(teamsActivity(connector.url, userMessage('Was ist die LaKI?'), 'conv-up'));
    await connector.waitFor(isCardReply('conv-up'));
  });
});

describe('POST /api/messages with Bot Framework credentials configured', () => {
  it('should refuse an activity without a valid token and not reply', async () => {
    const [service, connector] = await Promise.all([
      startTestServer({ credentials: { appId: '00000000-0000-0000-0000-000000000001', appPassword: 'not-a-real-secret' } }),
      startConnector(),
    ]);
    try {
      const response = await fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(teamsActivity(connector.url, userMessage('Was ist die LaKI?'), 'conv-auth')),
      });
      expect(response.status).toBe(401);
      await response.arrayBuffer();
      expect(connector.requests).toEqual([]);
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    } finally {
      await Promise.all([service.close(), connector.close()]);
    }
  });
});
