/**
 * The weekly report's delivery: a `report-post` outbox job per ISO week, posted to the LaKI
 * channel through the real Bot Framework connector protocol (the test's connector), retried on
 * failure, and never twice for one week, whether two instances share the database (SQLite file,
 * PostgreSQL) or an instance restarts and catches up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWeeklyReport, createWeeklyReportSchedule, latestOccurrence, reportPostHandler, weeklyReportJob, type WeeklyReportSchedule } from '../../../src/editors/report';
import type { Escalation } from '../../../src/escalation';
import { createKnowledgeHolder } from '../../../src/knowledge';
import { openConfiguredStore, type ConfiguredStore } from '../../../src/storage';
import { MIGRATIONS, openSqliteStore, SQLITE_FILE_NAME } from '../../../src/storage/sqlite';
import { startConnector, type Connector } from '../../helpers/connector';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../../helpers/postgres';
import { knowledgeFor } from '../../helpers/server';
import { createTestEscalation } from '../../escalation/escalationHarness';
import { recordingLogger } from '../../escalation/recordingLogger';

/** Monday 7.12.2026, 08:00 in Berlin: the default schedule fires. */
const MONDAY_0800 = new Date('2026-12-07T07:00:00Z');
const MINUTE = 60_000;

interface Instance {
  readonly store: ConfiguredStore;
  readonly escalation: Escalation;
  readonly schedule: WeeklyReportSchedule;
  close(): Promise<void>;
}

/** One running service's report machinery on a shared database, with the test's clock. */
async function startInstance(connector: Connector, store: ConfiguredStore, clock: () => Date): Promise<Instance> {
  const logger = recordingLogger();
  const report = createWeeklyReport({ readers: store.readers, knowledge: createKnowledgeHolder(await knowledgeFor()), clock });
  const escalation = createTestEscalation({
    tickets: store.tickets,
    jobs: store.jobs,
    connector,
    logger,
    clock,
    moreHandlers: (teams) => ({ 'report-post': reportPostHandler(report, teams) }),
  });
  const schedule = createWeeklyReportSchedule({ pattern: '0 8 * * 1', jobs: store.jobs, wake: () => undefined, logger, clock });
  return {
    store,
    escalation,
    schedule,
    async close() {
      schedule.stop();
      await escalation.close();
      await store.close();
    },
  };
}

/** Channel posts Teams accepted, with the card each started its thread with. */
function reportPosts(connector: Connector): any[] {
  return connector.requests
    .filter((request) => request.operation === 'create' && request.status < 300)
    .map((request) => request.body.activity.attachments[0].content);
}

describe('weekly report schedule', () => {
  it('should find the week\'s occurrence and key the job by ISO week in German time', () => {
    expect(latestOccurrence('0 8 * * 1', new Date('2026-12-10T12:00:00Z'))).toEqual(MONDAY_0800);
    expect(latestOccurrence('0 8 * * 1', new Date('2026-12-07T06:59:00Z'))).toEqual(new Date('2026-11-30T07:00:00Z'));
    expect(weeklyReportJob(MONDAY_0800)).toEqual({
      kind: 'report-post',
      dedupeKey: 'report:weekly:2026-W50',
      payload: { until: '2026-12-06T23:00:00.000Z' },
    });
    // 00:30 on Monday in Berlin is still Sunday in UTC: the German week counts.
    expect(weeklyReportJob(new Date('2026-12-06T23:30:00Z')).dedupeKey).toBe('report:weekly:2026-W50');
  });
});

describe('weekly report delivery on one SQLite file', () => {
  let dir: string;
  let connector: Connector;
  let now: Date;
  const clock = () => now;
  const instances: Instance[] = [];
  const open = async () => {
    const instance = await startInstance(connector, await openConfiguredStore({ dataDir: dir }), clock);
    instances.push(instance);
    return instance;
  };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'laki-weekly-delivery-'));
    connector = await startConnector();
    now = MONDAY_0800;
  });

  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should post the week\'s report once when two instances fire, retrying a failed post', async () => {
    const [a, b] = [await open(), await open()];
    const writer = openSqliteStore({ file: path.join(dir, SQLITE_FILE_NAME), clock: () => new Date('2026-12-02T10:00:00Z') });
    await writer.questionLog.record({ kind: 'declined', question: 'Gibt es Parkplätze?', outcome: 'none', score: 0.1 });
    await writer.close();
    expect((await Promise.all([a.schedule.enqueue(), b.schedule.enqueue()])).filter(Boolean)).toHaveLength(1);

    connector.failNext('create', { status: 503 });
    expect(await a.escalation.worker.runDue()).toBe(1);
    expect(reportPosts(connector)).toHaveLength(0);
    now = new Date(MONDAY_0800.getTime() + 5 * MINUTE);
    await Promise.all([a.escalation.worker.runDue(), b.escalation.worker.runDue()]);

    const posts = reportPosts(connector);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0])).toContain('Zeitraum: 30.11.2026 bis 06.12.2026');
    expect(posts[0].body.map((element: any) => element.type)).toContain('Chart.VerticalBar.Grouped');
    expect(JSON.stringify(posts[0])).toContain('„Gibt es Parkplätze?“');
    const create = connector.requests.find((request) => request.operation === 'create' && request.status < 300)!;
    expect(create.body.channelData).toEqual({ channel: { id: '19:laki@thread.tacv2' }, tenant: { id: 'tenant-nrw' } });
  });

  it('should not post the week again after a restart, but catch up a week it missed', async () => {
    const first = await open();
    await first.schedule.enqueue();
    await first.escalation.worker.runDue();
    await first.close();
    instances.splice(instances.indexOf(first), 1);

    // Restarted the same Monday: the catch-up finds this week's report already there.
    now = new Date(MONDAY_0800.getTime() + 60 * MINUTE);
    const restarted = await open();
    await restarted.schedule.start();
    expect(await restarted.escalation.worker.runDue()).toBe(0);
    expect(reportPosts(connector)).toHaveLength(1);

    // Down all of the next Monday, started on Tuesday: that week's report comes late, not never.
    restarted.schedule.stop();
    now = new Date('2026-12-15T09:00:00Z');
    await restarted.schedule.start();
    expect(await restarted.escalation.worker.runDue()).toBe(1);
    const posts = reportPosts(connector);
    expect(posts).toHaveLength(2);
    expect(JSON.stringify(posts[1])).toContain('Zeitraum: 07.12.2026 bis 13.12.2026');
  });

  it('should not post at start before the week\'s time has come', async () => {
    now = new Date('2026-12-07T06:30:00Z');
    const instance = await open();
    await instance.schedule.start();
    expect(await instance.escalation.worker.runDue()).toBe(0);
    expect(reportPosts(connector)).toHaveLength(0);
  });
});

describe('delivery jobs without a ticket (migration 5)', () => {
  it('should keep existing jobs, their ticket link and the dedupe key when an older database is migrated', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laki-migrate-'));
    const file = path.join(dir, 'laki-assistent.sqlite');
    try {
      const old = openSqliteStore({ file, migrations: MIGRATIONS.filter((migration) => migration.version <= 4) });
      const { ticket } = await old.tickets.create(
        {
          question: 'Frage?',
          askerName: 'Erika',
          askerUserId: '29:erika',
          askerConversationReference: {},
          bestGuessIds: [],
          idempotencyKey: 'k1',
        },
        (created) => [{ kind: 'channel-post', ticketId: created.id, dedupeKey: `ticket:${created.id}:channel-post` }],
        new Date(),
      );
      await old.close();

      const store = openSqliteStore({ file });
      const [job] = await store.jobs.listByTicket(ticket.id);
      expect(job).toMatchObject({ kind: 'channel-post', ticketId: ticket.id, state: 'pending' });
      expect(await store.jobs.enqueue([weeklyReportJob(MONDAY_0800), weeklyReportJob(MONDAY_0800)], new Date())).toBe(1);
      const [claimed] = (await store.jobs.claimDue(new Date(Date.now() + MINUTE), 10, MINUTE)).filter((j) => j.kind === 'report-post');
      expect(claimed).not.toHaveProperty('ticketId');
      const indexes = store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs' AND sql IS NOT NULL`).all();
      expect(indexes.map((row: any) => row.name).sort()).toEqual(['jobs_due', 'jobs_ticket']);
      // The ticket link still cascades: deleting the ticket deletes its jobs, not the report job.
      store.db.prepare('DELETE FROM tickets WHERE id = ?').run(ticket.id);
      expect(await store.jobs.listByTicket(ticket.id)).toEqual([]);
      expect(await store.jobs.countByState()).toMatchObject({ running: 1 });
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithPostgres('weekly report delivery with two instances on PostgreSQL', () => {
  let database: TestDatabase;
  let connector: Connector;
  let now = MONDAY_0800;
  const instances: Instance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('weekly_report');
    connector = await startConnector();
  });

  afterAll(async () => {
    for (const instance of instances.splice(0)) await instance.close();
    await connector?.close();
    await database?.drop();
  });

  it('should store one job and post one report when both instances fire at the same moment', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'laki-weekly-pg-'));
    try {
      for (let i = 0; i < 2; i++) {
        instances.push(await startInstance(connector, await openConfiguredStore({ dataDir, databaseUrl: database.url }), () => now));
      }
      const [a, b] = instances as [Instance, Instance];
      const enqueued = await Promise.all([a.schedule.enqueue(), b.schedule.enqueue(), a.schedule.start(), b.schedule.start()]);
      expect(enqueued.filter((inserted) => inserted === true)).toHaveLength(1);
      now = new Date(MONDAY_0800.getTime() + MINUTE);
      await Promise.all([a.escalation.worker.runDue(), b.escalation.worker.runDue()]);
      await Promise.all([a.escalation.worker.runDue(), b.escalation.worker.runDue()]);
      expect(reportPosts(connector)).toHaveLength(1);
      expect(await a.store.jobs.countByState()).toMatchObject({ done: 1, pending: 0, running: 0, failed: 0 });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
