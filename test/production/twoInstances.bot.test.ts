/**
 * Two instances of the REAL service (the entry point `src/index.ts` in two child processes, as an
 * operator runs it) with `DATABASE_URL` pointing at one PostgreSQL database, behind one local Bot
 * Framework connector and one real SMTP server. 100 askers forward a question over
 * `/api/messages` (draft on one instance, "Absenden" on the other, a resent "Absenden" on the first),
 * the LaKI takes every ticket with a click landing on each instance and answers through either.
 * Every ticket must exist once with a unique number and every message be delivered exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Messages as BotMessages } from '../../src/chat/messages';
import { DRAFTS_STATE_KEY } from '../../src/escalation/extension';
import { EscalationMessages as M } from '../../src/escalation/messages';
import { POSTGRES_MIGRATIONS } from '../../src/storage/postgres';
import { DraftInput, EscalationVerb, TicketVerb } from '../../src/escalation/verbs';
import { startSmtpServer, type TestSmtpServer } from '../escalation/smtpServer';
import { submitDataOf } from '../helpers/activities';
import { startConnector, type Connector } from '../helpers/connector';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../helpers/postgres';
import { postTurn, ROOT, spawnService } from '../helpers/service';

const ASKERS = 100;
const CHANNEL_ID = '19:laki@thread.tacv2';
const TENANT_ID = 'tenant-nrw';
const BOT = { id: '28:laki-bot', name: 'LaKI-Assistent' };
const LEA = { id: '29:lea', name: 'Lea LaKI', aadObjectId: 'aad-lea' };

/** One running instance of the service. */
interface Instance {
  readonly name: string;
  readonly url: string;
  /** Parsed JSON log lines so far. */
  logLines(): Array<Record<string, any>>;
  post(activity: Record<string, unknown>): Promise<number>;
  stop(): Promise<void>;
}

async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const service = spawnService({ env });
  const listening = await service.listening(120_000).catch((error: Error) => {
    throw new Error(`instance ${name} did not start: ${error.message}`);
  });
  const url = listening.url as string;
  return {
    name,
    url,
    logLines: service.logLines,
    post: (activity) => postTurn(url, activity),
    async stop() {
      await service.stop('SIGTERM');
    },
  };
}

let counter = 0;
const activityId = () => `incoming-${++counter}`;
const asker = (i: number) => ({ id: `29:user-${i}`, name: `Person ${i}`, aadObjectId: `aad-${i}` });
const conversationOf = (i: number) => `a:personal-${i}`;

/** A message or card submit in asker i's personal chat. */
function personal(connector: Connector, i: number, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: activityId(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: asker(i),
    recipient: BOT,
    conversation: { id: conversationOf(i), conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    ...fields,
  };
}

/** A card submit on a ticket card in the LaKI channel. */
function fromLakiChannel(connector: Connector, threadId: string, cardId: string, value: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: activityId(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: LEA,
    recipient: BOT,
    conversation: { id: threadId, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    channelData: { channel: { id: CHANNEL_ID }, team: { id: CHANNEL_ID }, tenant: { id: TENANT_ID } },
    replyToId: cardId,
    value,
  };
}

/** What the bot sent into a conversation (replies and proactive messages), text and cards. */
function textsTo(connector: Connector, conversationId: string): string[] {
  return connector.requests
    .filter((r) => (r.operation === 'send' || r.operation === 'reply') && r.conversationId === conversationId && r.status < 300)
    .map((r) => `${r.body?.text ?? ''}\n${JSON.stringify(r.body?.attachments ?? [])}`);
}

async function waitUntil(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describeWithPostgres('two instances of the service on one PostgreSQL database (over /api/messages)', () => {
  let database: TestDatabase;
  let db: Client;
  let connector: Connector;
  let smtp: TestSmtpServer;
  let scratch: string;
  let instances: Instance[] = [];

  const jobsOpen = async () =>
    (await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM jobs WHERE state IN ('pending', 'running')")).rows[0].n;

  beforeAll(async () => {
    database = await createTestDatabase('two_instances_bot');
    db = new Client({ connectionString: database.url });
    await db.connect();
    connector = await startConnector();
    smtp = await startSmtpServer();
    scratch = mkdtempSync(join(tmpdir(), 'laki-two-instances-'));
    const env = (name: string) => ({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      DATA_DIR: join(scratch, name),
      KNOWLEDGE_DIR: join(ROOT, 'test/fixtures/knowledge/valid'),
      KNOWLEDGE_RELOAD: 'false',
      LOG_LEVEL: 'info',
      METRICS_ENABLED: 'false',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
      TEAMS_TENANT_ID: TENANT_ID,
      LAKI_TEAMS_CHANNEL_ID: CHANNEL_ID,
      LAKI_TEAMS_SERVICE_URL: connector.url,
      LAKI_INBOX_EMAIL: 'inbox@laki.example',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'LaKI-Assistent <bot@laki.example>',
    });
    // Both start at the same moment against an empty database: migrations must not race.
    instances = await Promise.all(['A', 'B'].map((name) => startInstance(name, env(name))));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await db?.end();
    await smtp?.close();
    await connector?.close();
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('should start both instances on PostgreSQL and migrate the empty database once', async () => {
    for (const instance of instances) {
      expect(instance.logLines().find((line) => line.msg === 'LaKI-Assistent listening')).toMatchObject({ store: 'postgres' });
    }
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
  });

  it('should create every ticket once and deliver every message exactly once', async () => {
    const [a, b] = instances;
    const other = (instance: Instance) => (instance === a ? b : a);

    // Each asker: "LaKI fragen: …" on one instance, "Absenden" on the other (the draft lives in
    // the shared turn state), then Teams resends the "Absenden" activity to the first instance.
    const started = performance.now();
    await Promise.all(
      Array.from({ length: ASKERS }, async (_, i) => {
        const first = i % 2 ? b : a;
        const question = `Frage ${i}: Wie beantrage ich Mittel für ein Projekt zur Sprachförderung in unserer Kommune?`;
        expect(await first.post(personal(connector, i, { text: `LaKI fragen: ${question}` }))).toBe(200);
        const draftCard = connector.requests
          .filter((r) => r.conversationId === conversationOf(i) && r.status < 300)
          .map((r) => r.body?.attachments?.[0]?.content)
          .find((card) => submitDataOf(card).some((data) => data.verb === EscalationVerb.Submit));
        const { title: _title, ...submitData } = submitDataOf(draftCard).find((data) => data.verb === EscalationVerb.Submit)!;
        const absenden = personal(connector, i, {
          value: { ...submitData, [DraftInput.Question]: question, [DraftInput.Kommune]: `Kommune ${i}` },
        });
        expect(await other(first).post(absenden)).toBe(200);
        expect(await first.post({ ...absenden, id: activityId() })).toBe(200);
      }),
    );
    const forwardedMs = performance.now() - started;
    await waitUntil('channel posts and e-mails', async () => (await jobsOpen()) === 0 && smtp.mails.length >= ASKERS);
    const deliveredMs = performance.now() - started;

    const { rows: tickets } = await db.query<{ number: string; asker_user_id: string; channel_thread_id: string; channel_card_activity_id: string }>(
      'SELECT number, asker_user_id, channel_thread_id, channel_card_activity_id FROM tickets ORDER BY number',
    );
    expect(tickets).toHaveLength(ASKERS);
    expect(new Set(tickets.map((t) => t.asker_user_id)).size).toBe(ASKERS);
    const year = tickets[0].number.slice(5, 9);
    expect(tickets.map((t) => t.number)).toEqual(Array.from({ length: ASKERS }, (_, i) => `LAKI-${year}-${String(i + 1).padStart(4, '0')}`));
    const numberOf = new Map(tickets.map((t) => [t.asker_user_id, t.number]));
    for (let i = 0; i < ASKERS; i += 1) {
      const texts = textsTo(connector, conversationOf(i));
      expect(texts.filter((text) => text.includes(M.confirmation(numberOf.get(asker(i).id)!)))).toHaveLength(1);
      expect(texts.filter((text) => text.includes(M.alreadySent(numberOf.get(asker(i).id)!)))).toHaveLength(1);
    }
    const posts = connector.requests.filter((r) => r.operation === 'create');
    expect(posts).toHaveLength(ASKERS);
    expect(new Set(tickets.map((t) => t.channel_card_activity_id)).size).toBe(ASKERS);
    expect(smtp.mails).toHaveLength(ASKERS);
    expect(new Set(smtp.mails.map((mail) => /\[(LAKI-\d{4}-\d{4})\]/.exec(mail.subject ?? '')?.[1])).size).toBe(ASKERS);

    // The LaKI: "Übernehmen" clicked twice on every card, one click per instance, at the same
    // time; then the answer through either instance, and Teams resending it to the other one.
    const actionsStarted = performance.now();
    await Promise.all(
      tickets.map(async (ticket, i) => {
        const click = (value: Record<string, unknown>) => fromLakiChannel(connector, ticket.channel_thread_id, ticket.channel_card_activity_id, value);
        const take = { verb: TicketVerb.Take, ticketNumber: ticket.number };
        expect(await Promise.all([a.post(click(take)), b.post(click(take))])).toEqual([200, 200]);
        const answer = { verb: TicketVerb.Answer, ticketNumber: ticket.number, answer: `Antwort auf ${ticket.number}: bitte den Förderantrag stellen.` };
        expect(await instances[i % 2].post(click(answer))).toBe(200);
        expect(await instances[(i + 1) % 2].post(click(answer))).toBe(200);
      }),
    );
    await waitUntil('card updates and asker messages', async () => (await jobsOpen()) === 0);
    const actionsMs = performance.now() - actionsStarted;

    const { rows: states } = await db.query<{ status: string; assignee: string; version: number; answer: string }>(
      'SELECT status, assignee, version, answer FROM tickets',
    );
    // created (1), posted (2), mailed (3), taken once (4), answered once (5): the second take
    // and the resent answer changed nothing, whichever instance handled them.
    expect(states.every((s) => s.status === 'answered' && JSON.parse(s.assignee).id === LEA.id && s.version === 5)).toBe(true);

    let askerNotices = 0;
    for (let i = 0; i < ASKERS; i += 1) {
      const number = numberOf.get(asker(i).id)!;
      const texts = textsTo(connector, conversationOf(i));
      expect(texts.filter((text) => text.includes(M.askerTitle.taken(number)))).toHaveLength(1);
      expect(texts.filter((text) => text.includes(M.askerTitle.answered(number)))).toHaveLength(1);
      askerNotices += 2;
    }
    const updates = connector.requests.filter((r) => r.operation === 'update');
    const perCard = new Map<string, number>();
    for (const update of updates) perCard.set(update.activityId!, (perCard.get(update.activityId!) ?? 0) + 1);
    expect(perCard.size).toBe(ASKERS);
    expect([...perCard.values()].every((count) => count === 2)).toBe(true);
    expect(connector.requests.filter((r) => r.status >= 300)).toEqual([]);

    const { rows: jobStates } = await db.query<{ state: string; n: number }>('SELECT state, COUNT(*)::int AS n FROM jobs GROUP BY state');
    expect(jobStates).toEqual([{ state: 'done', n: ASKERS * 6 }]);
    // Each instance logs a job as done after storing it so, and its log reaches this process through
    // a pipe: the last lines may still be on their way when the jobs table is settled.
    const doneLines = () =>
      instances.map((instance) => instance.logLines().filter((line) => line.msg === 'delivery job done').map((line) => line.jobId as string));
    await waitUntil('the delivery log lines', () => doneLines().flat().length >= ASKERS * 6, 10_000).catch(() => undefined);
    const doneBy = doneLines();
    const allDone = doneBy.flat();
    expect(allDone).toHaveLength(ASKERS * 6);
    expect(new Set(allDone).size).toBe(ASKERS * 6);
    expect(doneBy.every((ids) => ids.length > 0)).toBe(true);

    const duplicates =
      posts.length - ASKERS + (smtp.mails.length - ASKERS) + (updates.length - 2 * ASKERS) + (allDone.length - new Set(allDone).size);
    const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(1);
    console.log(
      [
        `Two service processes (src/index.ts), one PostgreSQL database, ${ASKERS} askers over /api/messages:`,
        `  forwarded (draft + Absenden + resent Absenden, 300 turns): ${forwardedMs.toFixed(0)} ms → ${perSecond(ASKERS, forwardedMs)} escalations/s`,
        `  delivered (channel post + e-mail each): ${deliveredMs.toFixed(0)} ms after the first turn → ${perSecond(ASKERS, deliveredMs)} escalations/s end to end`,
        `  LaKI take ×2 + answer ×2 per ticket (400 turns) and their deliveries: ${actionsMs.toFixed(0)} ms`,
        `  delivery jobs run: A ${doneBy[0].length}, B ${doneBy[1].length}; asker notices ${askerNotices}; duplicates seen: ${duplicates}`,
      ].join('\n'),
    );
    expect(duplicates).toBe(0);
  }, 240_000);

  it('should make one ticket of an "Absenden" double-click whose two submits land on both instances at once', async () => {
    const [a, b] = instances;
    const i = ASKERS + 1;
    const question = 'Gibt es eine Vorlage für den Sachbericht zum Verwendungsnachweis?';
    expect(await a.post(personal(connector, i, { text: `LaKI fragen: ${question}` }))).toBe(200);
    const draftCard = connector.requests
      .filter((r) => r.conversationId === conversationOf(i) && r.status < 300)
      .map((r) => r.body?.attachments?.[0]?.content)
      .find((card) => submitDataOf(card).some((data) => data.verb === EscalationVerb.Submit));
    const { title: _title, ...submitData } = submitDataOf(draftCard).find((data) => data.verb === EscalationVerb.Submit)!;
    const absenden = () => personal(connector, i, { value: { ...submitData, [DraftInput.Question]: question, [DraftInput.Kommune]: 'Kreis Soest' } });
    const statuses = await Promise.all([a.post(absenden()), b.post(absenden())]);
    const { rows } = await db.query<{ number: string }>('SELECT number FROM tickets WHERE asker_user_id = $1', [asker(i).id]);
    expect(rows).toHaveLength(1);
    expect(statuses).toEqual([200, 200]);
    const texts = textsTo(connector, conversationOf(i));
    expect(texts.filter((text) => text.includes(M.confirmation(rows[0].number)))).toHaveLength(1);
    expect(texts.filter((text) => text.includes(M.alreadySent(rows[0].number)))).toHaveLength(1);
  });

  it('should never silently overwrite turn state when one conversation has turns on both instances at once', async () => {
    const [a, b] = instances;
    const i = ASKERS + 2;
    const stateOf = async () => {
      const { rows } = await db.query<{ value: string }>('SELECT value FROM bot_state WHERE key LIKE $1', [`%/conversations/${conversationOf(i)}`]);
      return Object.keys(JSON.parse(rows[0].value)[DRAFTS_STATE_KEY] ?? {});
    };
    expect(await a.post(personal(connector, i, { text: 'LaKI fragen: Erste Frage zur Förderung?' }))).toBe(200);
    expect(await stateOf()).toHaveLength(1);
    // Two drafts opened at the same moment, one turn per instance: both read the same state; the
    // second write carries a stale eTag, is refused, and that turn tells the user to try again.
    await Promise.all([
      a.post(personal(connector, i, { text: 'LaKI fragen: Zweite Frage zur Förderung?' })),
      b.post(personal(connector, i, { text: 'LaKI fragen: Dritte Frage zur Förderung?' })),
    ]);
    const texts = textsTo(connector, conversationOf(i));
    const refused = texts.filter((text) => text.includes(BotMessages.turnError)).length;
    // Every draft the state kept was shown, and every draft shown but not kept was followed by the error.
    expect((await stateOf()).length + refused).toBe(3);
    expect(refused).toBeLessThanOrEqual(1);
  });
});
