import { Client } from 'pg';
import { DedupeKey, type NewJob } from '../../src/escalation/job';
import { openConfiguredStore } from '../../src/storage';
import {
  openPostgresStore,
  postgresSchemaVersion,
  POSTGRES_MIGRATIONS,
  PostgresOpenError,
  SchemaTooNewError,
  type PostgresStore,
} from '../../src/storage/postgres';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../helpers/postgres';
import { newTicket, tmpDir } from './tmpStore';

const LATEST = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1].version;
const NOW = new Date('2026-03-10T09:00:00Z');

/** Runs one SQL statement on its own connection (outside any store). */
async function sql<T extends object = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describeWithPostgres('openPostgresStore', () => {
  let database: TestDatabase;
  const opened: PostgresStore[] = [];
  const open = async (options: Partial<Parameters<typeof openPostgresStore>[0]> = {}) => {
    const store = await openPostgresStore({ connectionString: database.url, ...options });
    opened.push(store);
    return store;
  };
  beforeEach(async () => (database = await createTestDatabase('open')));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await database.drop();
  });

  it('should create the schema on first start and apply each migration once, also when opened again', async () => {
    const store = await open();
    expect(await postgresSchemaVersion(store.pool)).toBe(LATEST);
    await store.close();
    await open();
    const rows = await sql<{ version: number }>(database.url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
  });

  it('should migrate once when several instances start at the same moment', async () => {
    const stores = await Promise.all(Array.from({ length: 6 }, (_, i) => open({ applicationName: `instance-${i}` })));
    expect(stores).toHaveLength(6);
    const rows = await sql<{ version: number }>(database.url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
  });

  it('should upgrade a database of an older version and keep its data', async () => {
    const old = await open({ migrations: POSTGRES_MIGRATIONS.slice(0, 1) });
    await old.questionLog.record({ kind: 'answered', question: 'Wer ist die LaKI?', entryId: 'laki' });
    await old.close();
    expect(await sql(database.url, "SELECT to_regclass('tickets') AS t")).toEqual([{ t: null }]);

    const store = await open();
    expect(await postgresSchemaVersion(store.pool)).toBe(LATEST);
    expect(await sql(database.url, 'SELECT question, entry_id FROM question_log')).toEqual([{ question: 'Wer ist die LaKI?', entry_id: 'laki' }]);
    expect(await sql(database.url, 'SELECT COUNT(*)::int AS n FROM tickets')).toEqual([{ n: 0 }]);
  });

  it('should roll back a failing migration and leave the version where it was', async () => {
    await (await open()).close();
    const broken = [...POSTGRES_MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE x (a int); SELECT * FROM missing_table;' }];
    await expect(open({ migrations: broken })).rejects.toThrow(/relation "missing_table" does not exist/);
    expect(await sql(database.url, 'SELECT MAX(version) AS v FROM schema_migrations')).toEqual([{ v: LATEST }]);
    expect(await sql(database.url, "SELECT to_regclass('x') AS x")).toEqual([{ x: null }]);
  });

  it('should refuse a database written by a newer app version', async () => {
    await (await open()).close();
    await sql(database.url, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (1000, 'future', now())");
    await expect(open()).rejects.toThrow(SchemaTooNewError);
  });

  it('should reject with the server and the reason, without the password, when the server cannot be reached', async () => {
    const opening = openPostgresStore({ connectionString: 'postgres://laki:geheim@127.0.0.1:1/laki' });
    await expect(opening).rejects.toThrow(PostgresOpenError);
    await expect(opening).rejects.toThrow(
      /^Cannot open the PostgreSQL database postgres:\/\/laki:\*\*\*@127\.0\.0\.1:1\/laki \(DATABASE_URL\): .*ECONNREFUSED/,
    );
    await expect(opening).rejects.not.toThrow(/geheim/);
  });

  it('should name a wrong password without repeating it', async () => {
    const url = new URL(database.url);
    url.password = 'falsch-geheim';
    await expect(openPostgresStore({ connectionString: url.toString() })).rejects.toThrow(/password authentication failed/);
    await expect(openPostgresStore({ connectionString: url.toString() })).rejects.not.toThrow(/falsch-geheim/);
  });

  it('should be chosen by openConfiguredStore when a database URL is set, SQLite otherwise', async () => {
    const postgres = await openConfiguredStore({ dataDir: '/nonexistent-unused', databaseUrl: database.url });
    expect(postgres.kind).toBe('postgres');
    await postgres.close();
    const dir = tmpDir();
    const sqlite = await openConfiguredStore({ dataDir: dir.dir });
    expect(sqlite.kind).toBe('sqlite');
    await sqlite.close();
    dir.cleanup();
  });
});

describeWithPostgres('PostgreSQL store with two instances', () => {
  let database: TestDatabase;
  let a: PostgresStore;
  let b: PostgresStore;
  beforeAll(async () => (database = await createTestDatabase('two_instances')));
  afterAll(() => database.drop());
  beforeEach(async () => {
    [a, b] = await Promise.all([
      openPostgresStore({ connectionString: database.url, applicationName: 'a' }),
      openPostgresStore({ connectionString: database.url, applicationName: 'b' }),
    ]);
    await sql(database.url, 'TRUNCATE question_log, ticket_counters, tickets, jobs, bot_state RESTART IDENTITY CASCADE');
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('should hand every due job to exactly one of two instances claiming at once', async () => {
    const { ticket } = await a.tickets.create(newTicket(), () => [], NOW);
    const jobs: NewJob[] = Array.from({ length: 200 }, (_, i) => ({ kind: 'email', ticketId: ticket.id, dedupeKey: `job-${i}` }));
    expect(await a.jobs.enqueue(jobs, NOW)).toBe(200);
    const drain = async (store: PostgresStore) => {
      const claimed: string[] = [];
      for (;;) {
        const batch = await store.jobs.claimDue(NOW, 7, 60000);
        if (batch.length === 0) return claimed;
        claimed.push(...batch.map((job) => job.dedupeKey));
      }
    };
    const [byA, byB] = await Promise.all([drain(a), drain(b)]);
    expect(byA.length + byB.length).toBe(200);
    expect(new Set([...byA, ...byB]).size).toBe(200);
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    expect(await a.jobs.countByState()).toEqual({ pending: 0, running: 200, done: 0, failed: 0 });
  });

  it('should create one ticket when both instances receive the same idempotency key at once', async () => {
    const draft = newTicket({ idempotencyKey: 'activity-twice' });
    const postJob = (t: { id: string }): NewJob[] => [{ kind: 'channel-post', ticketId: t.id, dedupeKey: DedupeKey.channelPost(t.id) }];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).tickets.create(draft, postJob, NOW)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.ticket.id)).size).toBe(1);
    expect(await a.jobs.listByTicket(results[0].ticket.id)).toHaveLength(1);
    // The numbers of the losing attempts went back: the next ticket is 0002.
    expect((await b.tickets.create(newTicket(), () => [], NOW)).ticket.number).toBe('LAKI-2026-0002');
  });

  it('should serialise updates of one ticket from both instances', async () => {
    const { ticket } = await a.tickets.create(newTicket(), () => [], NOW);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).tickets.update(ticket.id, (current) => ({ ticket: { ...current, bestGuessIds: [...current.bestGuessIds, `g${i}`] } }), NOW),
      ),
    );
    const stored = (await b.tickets.get(ticket.id))!;
    expect(stored.version).toBe(21);
    expect(stored.bestGuessIds).toHaveLength(21);
  });

  it('should store user text containing NUL characters without them', async () => {
    const { ticket } = await a.tickets.create(newTicket({ question: 'Frage\u0000mit NUL' }), () => [], NOW);
    expect((await b.tickets.get(ticket.id))!.question).toBe('Fragemit NUL');
    await a.questionLog.record({ kind: 'declined', question: 'x\u0000y' });
    expect(await sql(database.url, 'SELECT question FROM question_log')).toEqual([{ question: 'xy' }]);
  });
});

describeWithPostgres('PostgreSQL question log', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await createTestDatabase('question_log')));
  afterAll(() => database.drop());

  it('should delete events older than the retention date and keep newer ones', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const store = await openPostgresStore({ connectionString: database.url, clock: () => now });
    await store.questionLog.record({ kind: 'declined', question: 'alt', outcome: 'none' });
    now = new Date('2026-03-01T00:00:00Z');
    await store.questionLog.record({ kind: 'suggested', question: 'neu', suggestedIds: ['a', 'b'], score: 0.42 });
    expect(await store.questionLog.deleteOlderThan(new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(await sql(database.url, 'SELECT question, suggested_ids, score FROM question_log')).toEqual([
      { question: 'neu', suggested_ids: '["a","b"]', score: 0.42 },
    ]);
    await store.close();
  });

  it('should log, not throw, when recording fails', async () => {
    const errors: string[] = [];
    const store = await openPostgresStore({ connectionString: database.url, logger: { error: (_details, message) => errors.push(message) } });
    await sql(database.url, 'DROP TABLE question_log');
    await expect(store.questionLog.record({ kind: 'answered', question: 'x' })).resolves.toBeUndefined();
    expect(errors).toEqual(['question log: could not record event']);
    await store.close();
  });
});

describeWithPostgres('editor readers on PostgreSQL and SQLite', () => {
  let database: TestDatabase;
  let dir: ReturnType<typeof tmpDir>;
  beforeAll(async () => {
    database = await createTestDatabase('readers');
    dir = tmpDir();
  });
  afterAll(async () => {
    await database.drop();
    dir.cleanup();
  });

  /** The same history written into a store: questions over three days, tickets in every state. */
  async function fill(store: Awaited<ReturnType<typeof openConfiguredStore>>): Promise<void> {
    await store.questionLog.record({ kind: 'declined', question: 'Gibt es Geld für Dolmetscher?', outcome: 'none', score: 0.12 });
    await store.questionLog.record({ kind: 'suggested', question: 'Sprachkurs Eltern', suggestedIds: ['a', 'b'], score: 0.5 });
    await store.questionLog.record({ kind: 'feedback-not-helpful', entryId: 'griffbereit' });
    const day = 86_400_000;
    const lea = { id: '29:lea', name: 'Lea LaKI' };
    for (const [i, status] of (['open', 'assigned', 'answered', 'closed', 'answered'] as const).entries()) {
      const at = new Date(NOW.getTime() + i * day);
      const { ticket } = await store.tickets.create(newTicket({ idempotencyKey: `k${i}`, question: `Frage ${i}` }), () => [], at);
      if (status === 'open') continue;
      await store.tickets.update(
        ticket.id,
        (current) => ({
          ticket: {
            ...current,
            status,
            assignee: lea,
            ...(status === 'assigned' ? {} : { answer: `Antwort ${i}`, answeredBy: lea, answeredAt: new Date(at.getTime() + 1000) }),
          },
        }),
        at,
      );
    }
  }

  it('should list the same question events and answered tickets', async () => {
    const stores = await Promise.all([
      openConfiguredStore({ dataDir: dir.dir, databaseUrl: database.url }),
      openConfiguredStore({ dataDir: dir.dir }),
    ]);
    expect(stores.map((store) => store.kind)).toEqual(['postgres', 'sqlite']);
    for (const store of stores) await fill(store);

    const [postgresEvents, sqliteEvents] = await Promise.all(stores.map((store) => store.readers.questionLog.listSince(new Date(0))));
    expect(postgresEvents.map(({ recordedAt: _at, ...event }) => event)).toEqual(sqliteEvents.map(({ recordedAt: _at, ...event }) => event));
    expect(postgresEvents.map((event) => event.kind)).toEqual(['declined', 'suggested', 'feedback-not-helpful']);
    expect(await stores[0].readers.questionLog.listSince(new Date(Date.now() + 60_000))).toEqual([]);

    const [postgresTickets, sqliteTickets] = await Promise.all(stores.map((store) => store.readers.answeredTickets.listAnswered()));
    const comparable = (tickets: typeof postgresTickets) => tickets.map(({ id: _id, ...ticket }) => ticket);
    expect(comparable(postgresTickets)).toEqual(comparable(sqliteTickets));
    expect(postgresTickets.map((ticket) => [ticket.number, ticket.status])).toEqual([
      ['LAKI-2026-0005', 'answered'],
      ['LAKI-2026-0004', 'closed'],
      ['LAKI-2026-0003', 'answered'],
    ]);
    await Promise.all(stores.map((store) => store.close()));
  });
});
