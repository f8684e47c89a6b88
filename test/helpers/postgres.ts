/**
 * A real PostgreSQL for tests. `.ci/run` starts Debian's server and exports `TEST_DATABASE_URL`
 * (a role allowed to create databases); each test file gets its own throw-away database there,
 * so files running in parallel never see each other's rows.
 *
 * Without `TEST_DATABASE_URL` the PostgreSQL tests are skipped on a developer machine (with a
 * note saying so) but FAIL under CI, where they must run.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server URL from the environment, or undefined. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** Shown when a PostgreSQL test cannot run. */
export const PostgresTestMessage = Object.freeze({
  missingInCi:
    'TEST_DATABASE_URL is not set, but CI is: the PostgreSQL tests must run in CI. Run them via .ci/run, which starts ' +
    "Debian's PostgreSQL and exports TEST_DATABASE_URL.",
  skipped:
    'PostgreSQL tests skipped: TEST_DATABASE_URL is not set. Start a server (e.g. the laki-test cluster .ci/run creates) and ' +
    'export TEST_DATABASE_URL=postgres://laki_test:laki_test@127.0.0.1:55432/postgres to run them.',
});

let skipNoted = false;

/**
 * `describe` for a block that needs PostgreSQL: runs it when `TEST_DATABASE_URL` is set; under
 * CI without it, a failing test says what is missing; elsewhere the block is skipped with a note.
 */
export function describeWithPostgres(name: string, body: () => void): void {
  if (TEST_DATABASE_URL) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('should have a PostgreSQL server (TEST_DATABASE_URL)', () => {
        throw new Error(PostgresTestMessage.missingInCi);
      });
    });
  } else {
    if (!skipNoted) {
      skipNoted = true;
      process.stderr.write(`\n${PostgresTestMessage.skipped}\n`);
    }
    describe.skip(name, body);
  }
}

/** A database created for one test file. */
export interface TestDatabase {
  readonly name: string;
  /** Connection string of this database (same server and role as `TEST_DATABASE_URL`). */
  readonly url: string;
  /** Drops the database, closing connections still open to it. */
  drop(): Promise<void>;
}

/** Creates a uniquely named empty database on the `TEST_DATABASE_URL` server. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error(PostgresTestMessage.skipped);
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  const name = `laki_${slug}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Empties every table of the store's schema (between tests of one file); migrations stay. */
export async function truncateStoreTables(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('TRUNCATE question_log, ticket_counters, tickets, jobs, bot_state, entry_drafts, knowledge_revisions RESTART IDENTITY CASCADE');
  } finally {
    await client.end();
  }
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
