/**
 * `npm run db:migrate-to-postgres`: an installation's SQLite data (tickets with numbers and
 * counters, jobs, turn state, question log) moved into PostgreSQL, read back through the
 * PostgreSQL store; a second run and a non-empty target change nothing.
 */
import { join } from 'node:path';
import { DedupeKey } from '../../src/escalation/job';
import { createPostgresQuestionLogReader, openPostgresStore } from '../../src/storage/postgres';
import { SQLITE_FILE_NAME, openSqliteStore } from '../../src/storage/sqlite';
import { createSqliteQuestionLogReader } from '../../src/storage/sqlite/questionLog';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../helpers/postgres';
import { newTicket, tmpDir } from '../storage/tmpStore';
import { runScript } from './runScript';

jest.setTimeout(120_000);

const T0 = new Date('2026-03-10T09:00:00.123Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describeWithPostgres('npm run db:migrate-to-postgres', () => {
  let dir: ReturnType<typeof tmpDir>;
  let target: TestDatabase;
  let dataDir: string;

  beforeEach(async () => {
    dir = tmpDir();
    dataDir = join(dir.dir, 'data');
    target = await createTestDatabase('migrate');
  });
  afterEach(async () => {
    await target.drop();
    dir.cleanup();
  });

  /** An installation after some weeks: tickets in every state, jobs in every state, drafts, a question log. */
  async function installation() {
    const store = openSqliteStore({ file: join(dataDir, SQLITE_FILE_NAME), clock: () => at(5) });
    const jobsFor = (ticket: { id: string }) => [
      { kind: 'channel-post' as const, ticketId: ticket.id, dedupeKey: DedupeKey.channelPost(ticket.id) },
      { kind: 'email' as const, ticketId: ticket.id, dedupeKey: DedupeKey.email(ticket.id) },
    ];
    const created = [];
    for (let i = 0; i < 4; i += 1) {
      const question = i === 3 ? 'Frage mit NUL\u0000-Zeichen und Umlauten: äöüß?' : `Frage ${i}`;
      created.push((await store.tickets.create(newTicket({ idempotencyKey: `k${i}`, question }), jobsFor, at(i * 1000))).ticket);
    }
    await store.tickets.update(
      created[0].id,
      (t) => ({
        ticket: {
          ...t,
          status: 'answered',
          answer: 'Die Antwort.',
          answeredBy: { id: '29:lea', name: 'Lea' },
          answeredAt: at(9000),
          channelThreadId: 'chan;messageid=1',
          channelCardActivityId: '1',
          channelCards: [{ threadId: 'chan;messageid=0', activityId: '0', repeat: false }, { threadId: 'chan;messageid=1', activityId: '1', repeat: true }],
        },
      }),
      at(9000),
    );
    const [done, failed, running] = await store.jobs.claimDue(at(10_000), 3, 60_000);
    await store.jobs.complete(done.id, at(10_001));
    await store.jobs.fail(failed.id, 'HTTP 403', at(10_002));
    await store.jobs.markSending(running.id, at(10_003)); // the process stopped while this one was sending
    await store.botState.write({ 'msteams/conv-1/conversation': { escalationDrafts: { d1: { issuedAt: 'x' } } } });
    await store.questionLog.record({ kind: 'answered', question: 'Was ist ein KI?', outcome: 'answer', score: 0.9, entryId: 'ki', suggestedIds: ['a', 'b'] });
    await store.questionLog.record({ kind: 'feedback-helpful', entryId: 'ki' });
    return { store, running };
  }

  const migrate = (url: string) => runScript('scripts/db-migrate-to-postgres.ts', ['--to', url], { DATA_DIR: dataDir }, dir.dir);

  it('should copy everything and continue on PostgreSQL where SQLite stopped', async () => {
    const { store: sqlite, running } = await installation();
    const tickets = await sqlite.tickets.listByAsker('29:user-1', 100);
    const jobs = await sqlite.jobs.list({ limit: 100 });
    const drafts = await sqlite.botState.read(['msteams/conv-1/conversation']);
    const events = await createSqliteQuestionLogReader(sqlite.db).listSince(new Date(0));
    await sqlite.close();

    const result = await migrate(target.url);
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Copied 1 ticket_counters, 4 tickets, 8 jobs, 1 bot_state, 2 question_log') });
    expect(result.stdout).not.toContain('laki_test:laki_test'); // the password is never printed

    const pg = await openPostgresStore({ connectionString: target.url });
    try {
      expect(await pg.tickets.listByAsker('29:user-1', 100)).toEqual(tickets.map((t) => (t.question.includes('\u0000') ? { ...t, question: t.question.replaceAll('\u0000', '') } : t)));
      expect((await pg.tickets.get(tickets.find((t) => t.status === 'answered')!.id))!.channelCards).toHaveLength(2);
      const migratedJobs = await pg.jobs.list({ limit: 100 });
      expect(migratedJobs.map((j) => j.id).sort()).toEqual(jobs.map((j) => j.id).sort());
      // The job the stopped process was running is pending again, its send marker kept: outcome unknown.
      expect(migratedJobs.find((j) => j.id === running.id)).toMatchObject({ state: 'pending', sendStartedAt: at(10_003) });
      expect(await pg.jobs.countByState()).toEqual({ pending: 6, running: 0, done: 1, failed: 1 });
      expect(await pg.botState.read(['msteams/conv-1/conversation'])).toEqual(drafts);
      expect(await createPostgresQuestionLogReader(pg.pool).listSince(new Date(0))).toEqual(events);
      // The counter came along: the next ticket continues the numbering.
      const next = (await pg.tickets.create(newTicket({ idempotencyKey: 'after' }), () => [], at(20_000))).ticket;
      expect(next.number).toBe(tickets[0].number.replace(/\d{4}$/, '0005'));
    } finally {
      await pg.close();
    }
  });

  it('should report a second run as already migrated and refuse any other non-empty target', async () => {
    (await installation()).store.db.close();
    expect(await migrate(target.url)).toMatchObject({ code: 0 });
    expect(await migrate(target.url)).toMatchObject({ code: 0, stdout: expect.stringContaining('already holds exactly this data') });

    const pg = await openPostgresStore({ connectionString: target.url });
    await pg.tickets.create(newTicket({ idempotencyKey: 'written-on-postgres' }), () => [], at(30_000));
    await pg.close();
    const refused = await migrate(target.url);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('is not empty (1 ticket_counters, 5 tickets') });
    const check = await openPostgresStore({ connectionString: target.url });
    expect(await check.tickets.listByAsker('29:user-1', 100)).toHaveLength(5);
    await check.close();
  });

  it('should ask for a target', async () => {
    (await installation()).store.db.close();
    expect(await runScript('scripts/db-migrate-to-postgres.ts', [], { DATA_DIR: dataDir }, dir.dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: npm run db:migrate-to-postgres'),
    });
  });
});
