/**
 * Two instances of the escalation back end on ONE PostgreSQL database behave as one: 100
 * escalations and the LaKI's actions on them, spread over both instances, give every ticket once
 * with a unique number and deliver every channel post, card update, e-mail and asker message
 * exactly once, counted at a local Bot Framework connector and a real SMTP server.
 *
 * Each instance is what `src/index.ts` builds for escalation: its own pooled PostgreSQL store,
 * its own botbuilder CloudAdapter (local mode) and its own running outbox worker. This test calls
 * the escalation service directly (the calls the bot's routes make), so its figures show the back
 * end without HTTP turns; `twoInstances.bot.test.ts` runs the same through `/api/messages` on two
 * processes of the real entry point.
 */
import { Client } from 'pg';
import type { Escalation } from '../../src/escalation';
import type { EscalationDraft } from '../../src/escalation/service';
import type { Ticket } from '../../src/escalation/ticket';
import { createKnowledgeHolder, loadKnowledgeBase } from '../../src/knowledge';
import { openPostgresStore, type PostgresStore } from '../../src/storage/postgres';
import { createTestEscalation } from '../escalation/escalationHarness';
import { recordingLogger } from '../escalation/recordingLogger';
import { startSmtpServer, type TestSmtpServer } from '../escalation/smtpServer';
import { startConnector, type Connector } from '../helpers/connector';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../helpers/postgres';

const ESCALATIONS = 100;
const LAKI = [
  { id: '29:lea', name: 'Lea LaKI' },
  { id: '29:tom', name: 'Tom LaKI' },
];

interface Instance {
  readonly name: string;
  readonly store: PostgresStore;
  readonly escalation: Escalation;
  readonly logger: ReturnType<typeof recordingLogger>;
}

/** Job ids this instance's worker delivered (from its log). */
const deliveredBy = (instance: Instance) =>
  instance.logger.lines.filter((line) => line.message === 'delivery job done').map((line) => (line.details as { jobId: string }).jobId);

async function waitUntil(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeWithPostgres('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let connector: Connector;
  let smtp: TestSmtpServer;
  let instances: Instance[];

  const conversationOf = (i: number) => `a:personal-${i}`;
  const draft = (i: number): EscalationDraft => ({
    question: `Frage ${i}: Wie hoch ist die Landesförderung für unser Kommunales Integrationszentrum 2026?`,
    kommune: `Kommune ${i}`,
    askerName: `Person ${i}`,
    askerUserId: `29:user-${i}`,
    conversationReference: {
      serviceUrl: connector.url,
      channelId: 'msteams',
      conversation: { id: conversationOf(i), isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: '28:laki-bot', name: 'LaKI-Assistent' },
      user: { id: `29:user-${i}`, name: `Person ${i}` },
    },
    idempotencyKey: `confirm-activity-${i}`,
  });
  const jobCounts = () => instances[0].store.jobs.countByState();
  const allDelivered = async () => {
    const counts = await jobCounts();
    return counts.pending === 0 && counts.running === 0;
  };

  beforeAll(async () => {
    database = await createTestDatabase('two_instances_e2e');
    connector = await startConnector();
    smtp = await startSmtpServer();
    const knowledge = createKnowledgeHolder(await loadKnowledgeBase('test/fixtures/knowledge/valid'));
    instances = await Promise.all(
      ['A', 'B'].map(async (name) => {
        const store = await openPostgresStore({ connectionString: database.url, applicationName: `laki-${name}` });
        const logger = recordingLogger();
        const escalation = createTestEscalation({
          tickets: store.tickets,
          jobs: store.jobs,
          connector,
          smtpUrl: smtp.url,
          knowledge,
          logger,
          settings: { rateLimit: { max: 1000, windowMs: 3_600_000 } },
          outbox: { pollIntervalMs: 50, batchSize: 5 },
        });
        await escalation.worker.start();
        return { name, store, escalation, logger };
      }),
    );
  });

  afterAll(async () => {
    for (const instance of instances ?? []) {
      await instance.escalation.close();
      await instance.store.close();
    }
    await smtp?.close();
    await connector?.close();
    await database?.drop();
  });

  it('should create every ticket once and deliver every message exactly once across both instances', async () => {
    // 100 askers confirm at once; the load balancer sends each confirmation to one instance and
    // a retried submit of the same activity to the other one.
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: ESCALATIONS }, (_, i) => [
        instances[i % 2].escalation.service.escalate(draft(i)),
        instances[(i + 1) % 2].escalation.service.escalate(draft(i)),
      ]).flat(),
    );
    const storedMs = performance.now() - started;
    await waitUntil('channel posts and e-mails', async () => (await allDelivered()) && smtp.mails.length >= ESCALATIONS);
    const deliveredMs = performance.now() - started;

    expect(results.filter((result) => result.outcome === 'created')).toHaveLength(ESCALATIONS);
    expect(results.filter((result) => result.outcome === 'duplicate')).toHaveLength(ESCALATIONS);
    const tickets = new Map<string, Ticket>();
    for (const result of results) if (result.outcome !== 'rate-limited') tickets.set(result.ticket.id, result.ticket);
    expect(tickets.size).toBe(ESCALATIONS);

    const numbers = [...tickets.values()].map((ticket) => ticket.number).sort();
    expect(new Set(numbers).size).toBe(ESCALATIONS);
    const year = numbers[0].slice(5, 9);
    expect(numbers).toEqual(Array.from({ length: ESCALATIONS }, (_, i) => `LAKI-${year}-${String(i + 1).padStart(4, '0')}`));
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ n: number; numbers: number }>('SELECT COUNT(*)::int AS n, COUNT(DISTINCT number)::int AS numbers FROM tickets');
    await client.end();
    expect(rows[0]).toEqual({ n: ESCALATIONS, numbers: ESCALATIONS });

    // One channel thread and one e-mail per ticket.
    const posts = connector.requests.filter((request) => request.operation === 'create');
    expect(posts).toHaveLength(ESCALATIONS);
    const stored = await Promise.all([...tickets.keys()].map((id) => instances[0].store.tickets.get(id)));
    expect(new Set(stored.map((ticket) => ticket?.channelCardActivityId)).size).toBe(ESCALATIONS);
    expect(stored.every((ticket) => ticket?.channelThreadId && ticket.mailMessageId)).toBe(true);
    expect(smtp.mails).toHaveLength(ESCALATIONS);
    expect(new Set(smtp.mails.map((mail) => /\[(LAKI-\d{4}-\d{4})\]/.exec(mail.subject ?? '')?.[1])).size).toBe(ESCALATIONS);

    // The LaKI works the tickets: both LaKI members click "Übernehmen" on the same card at once
    // (one click lands on each instance), then one answers through either instance.
    const actionsStarted = performance.now();
    const takes = await Promise.all(
      numbers.map((number) =>
        Promise.all([instances[0].escalation.service.take(number, LAKI[0]), instances[1].escalation.service.take(number, LAKI[0])]),
      ),
    );
    for (const [onA, onB] of takes) {
      expect([onA.changed, onB.changed].sort()).toEqual([false, true]);
      expect(onA.ticket).toEqual(onB.ticket);
      expect(onA.ticket).toMatchObject({ status: 'assigned', assignee: LAKI[0] });
    }
    const answers = await Promise.all(
      numbers.map((number, i) => instances[i % 2].escalation.service.answer(number, LAKI[0], `Antwort auf ${number}: Die Förderung richtet sich nach dem TIntG.`)),
    );
    // A repeated answer click arriving at the other instance changes nothing and shows the same ticket.
    const repeated = await Promise.all(
      numbers.map((number, i) => instances[(i + 1) % 2].escalation.service.answer(number, LAKI[0], `Antwort auf ${number}: Die Förderung richtet sich nach dem TIntG.`)),
    );
    for (const [i, result] of repeated.entries()) {
      expect(result.changed).toBe(false);
      expect(result.ticket).toEqual(answers[i].ticket);
      expect(result.ticket.status).toBe('answered');
    }
    await waitUntil('card updates and asker messages', allDelivered);
    const actionsMs = performance.now() - actionsStarted;

    // Each asker heard "taken" and "answered" exactly once; each card was updated once per action.
    // A proactive message is a reply to the conversation reference botbuilder builds ('send' without one).
    const toAskers = connector.requests.filter(
      (request) => (request.operation === 'send' || request.operation === 'reply') && request.conversationId?.startsWith('a:personal-'),
    );
    const perAsker = new Map<string, number>();
    for (const request of toAskers) perAsker.set(request.conversationId!, (perAsker.get(request.conversationId!) ?? 0) + 1);
    expect(perAsker.size).toBe(ESCALATIONS);
    expect([...perAsker.values()].every((count) => count === 2)).toBe(true);
    const updates = connector.requests.filter((request) => request.operation === 'update');
    const perCard = new Map<string, number>();
    for (const request of updates) perCard.set(request.conversationId!, (perCard.get(request.conversationId!) ?? 0) + 1);
    expect(perCard.size).toBe(ESCALATIONS);
    expect([...perCard.values()].every((count) => count === 2)).toBe(true);
    expect(connector.requests.every((request) => request.status < 300)).toBe(true);

    // Every job ran on exactly one instance, once, and both instances took part.
    const byA = deliveredBy(instances[0]);
    const byB = deliveredBy(instances[1]);
    const jobs = await instances[1].store.jobs.countByState();
    const totalJobs = ESCALATIONS * 6; // post, mail, 2 card updates, 2 asker messages
    expect(jobs).toEqual({ pending: 0, running: 0, done: totalJobs, failed: 0 });
    expect(byA.length + byB.length).toBe(totalJobs);
    expect(new Set([...byA, ...byB]).size).toBe(totalJobs);
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);

    const duplicates =
      posts.length - ESCALATIONS +
      (smtp.mails.length - ESCALATIONS) +
      (toAskers.length - 2 * ESCALATIONS) +
      (updates.length - 2 * ESCALATIONS) +
      (byA.length + byB.length - new Set([...byA, ...byB]).size);
    const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(1);
    console.log(
      [
        `Two instances, one PostgreSQL database, ${ESCALATIONS} escalations (each submitted twice, once per instance):`,
        `  stored:    ${storedMs.toFixed(0)} ms → ${perSecond(ESCALATIONS, storedMs)} escalations/s`,
        `  delivered: ${deliveredMs.toFixed(0)} ms → ${perSecond(ESCALATIONS, deliveredMs)} escalations/s end to end (channel post + e-mail)`,
        `  LaKI take (2 clicks each, one per instance) + answer + repeated answer: ${actionsMs.toFixed(0)} ms for ${ESCALATIONS} tickets`,
        `  delivery jobs run: A ${byA.length}, B ${byB.length} (total ${totalJobs}); duplicates seen: ${duplicates}`,
      ].join('\n'),
    );
    expect(duplicates).toBe(0);
  }, 120_000);
});

describeWithPostgres('an instance killed while delivering', () => {
  let database: TestDatabase;
  let connector: Connector;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    database = await createTestDatabase('killed_instance');
    connector = await startConnector();
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await connector.close();
    await database.drop();
  });

  it('should leave its jobs alone until their lease runs out, then deliver them once from the other instance', async () => {
    const LEASE_MS = 2000;
    const live = await openPostgresStore({ connectionString: database.url, applicationName: 'live' });
    const escalation = createTestEscalation({
      tickets: live.tickets,
      jobs: live.jobs,
      connector,
      smtpUrl: smtp.url,
      logger: recordingLogger(),
      outbox: { pollIntervalMs: 50, leaseMs: LEASE_MS, handlerTimeoutMs: 1000 },
    });
    const result = await escalation.service.escalate({
      question: 'Wer prüft den Verwendungsnachweis?',
      askerName: 'Erika Muster',
      askerUserId: '29:erika',
      conversationReference: {
        serviceUrl: connector.url,
        channelId: 'msteams',
        conversation: { id: 'a:erika', isGroup: false, conversationType: 'personal', name: '' },
        user: { id: '29:erika', name: 'Erika Muster' },
      },
      idempotencyKey: 'confirm-1',
    });
    expect(result.outcome).toBe('created');

    // The other instance claims both jobs and dies before delivering (its pool is gone).
    const doomed = await openPostgresStore({ connectionString: database.url, applicationName: 'doomed' });
    const claimedAt = Date.now();
    expect((await doomed.jobs.claimDue(new Date(), 10, LEASE_MS)).map((job) => job.kind).sort()).toEqual(['channel-post', 'email']);
    await doomed.close();

    // The live instance starts its worker: it must not take the jobs over while their lease holds.
    const posted = connector.waitFor((request) => request.operation === 'create', 20_000).then(() => Date.now());
    await escalation.worker.start();
    await waitUntil('the jobs after the lease', async () => (await live.jobs.countByState()).done === 2, 20_000);
    expect((await posted) - claimedAt).toBeGreaterThanOrEqual(LEASE_MS);
    expect(connector.requests.filter((request) => request.operation === 'create')).toHaveLength(1);
    await smtp.waitForMails(1);
    expect(smtp.mails).toHaveLength(1);
    const jobs = await live.jobs.listByTicket(result.outcome === 'created' ? result.ticket.id : '');
    expect(jobs.map((job) => [job.kind, job.state, job.attempts]).sort()).toEqual([
      ['channel-post', 'done', 2],
      ['email', 'done', 2],
    ]);
    await escalation.close();
    await live.close();
  });
});
