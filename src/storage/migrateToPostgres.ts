/**
 * Moving an installation from its SQLite file to PostgreSQL (`npm run db:migrate-to-postgres`),
 * for when one instance is no longer enough. Copies everything the service stores — tickets with
 * their numbers and the per-year counters, delivery jobs, the bot's turn state and the question
 * log — in ONE PostgreSQL transaction: the target has all of it or nothing.
 *
 * Run it with the service stopped (docs/deploy.md): jobs the SQLite process left `running` are
 * copied as `pending`, as a restarted SQLite instance would resume them.
 */
import Database from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { openPostgresStore } from './postgres';
import { inTransaction, storableText } from './postgres/transaction';
import { migrate } from './sqlite/migrations';

/** The tables copied, in an order that satisfies the foreign keys; the counts are compared after. */
export const MIGRATED_TABLES = ['ticket_counters', 'tickets', 'jobs', 'bot_state', 'question_log'] as const;
export type MigratedTable = (typeof MIGRATED_TABLES)[number];
export type TableCounts = Readonly<Record<MigratedTable, number>>;

/** Columns holding a time: epoch milliseconds in SQLite, `timestamptz` in PostgreSQL. */
const TIME_COLUMNS: ReadonlySet<string> = new Set([
  'answered_at', 'created_at', 'updated_at', 'next_attempt_at', 'lease_until', 'send_started_at', 'recorded_at',
]);
/** Columns PostgreSQL generates itself (identity); their order is kept by inserting in SQLite's order. */
const GENERATED_COLUMNS: Readonly<Partial<Record<MigratedTable, readonly string[]>>> = { question_log: ['id'] };
const SOURCE_ORDER: Readonly<Record<MigratedTable, string>> = {
  ticket_counters: 'year',
  tickets: 'created_at, rowid',
  jobs: 'created_at, rowid',
  bot_state: 'key',
  question_log: 'id',
};
/** Rows per INSERT statement (PostgreSQL allows 65,535 parameters; tickets have 22 columns). */
const BATCH_ROWS = 500;

/** The target already holds data that is not exactly this source's: nothing was copied. */
export class MigrationTargetNotEmptyError extends Error {
  override readonly name = 'MigrationTargetNotEmptyError';
  constructor(readonly target: TableCounts) {
    super(
      `The PostgreSQL database is not empty (${describeCounts(target)}); nothing was copied. ` +
        'Migrate into a new, empty database (docs/deploy.md, "Moving from SQLite to PostgreSQL").',
    );
  }
}

export interface MigrationResult {
  /** `copied`: this run copied the data; `already-migrated`: the target held exactly this data before. */
  readonly outcome: 'copied' | 'already-migrated';
  readonly counts: TableCounts;
}

/** "3 tickets, 5 jobs, …" for messages. */
export function describeCounts(counts: TableCounts): string {
  return MIGRATED_TABLES.map((table) => `${counts[table]} ${table}`).join(', ');
}

/**
 * Copies the SQLite database `sqliteFile` (brought to the current schema first) into the
 * PostgreSQL database `postgresUrl` (schema created by the store's own migrations). Safe to run
 * again: a target that already holds exactly this source's tickets and counts is reported as
 * `already-migrated`; any other non-empty target is refused with {@link MigrationTargetNotEmptyError}.
 */
export async function migrateSqliteToPostgres(options: { sqliteFile: string; postgresUrl: string }): Promise<MigrationResult> {
  const source = new Database(options.sqliteFile, { fileMustExist: true, timeout: 5000 });
  try {
    migrate(source);
    // One read transaction: a consistent snapshot even if a writer were still active.
    const rows = source.transaction(() =>
      Object.fromEntries(
        MIGRATED_TABLES.map((table) => [table, source.prepare(`SELECT * FROM ${table} ORDER BY ${SOURCE_ORDER[table]}`).all()]),
      ),
    )() as Record<MigratedTable, Array<Record<string, unknown>>>;
    const sourceCounts = countsOf((table) => rows[table].length);

    const target = await openPostgresStore({ connectionString: options.postgresUrl, applicationName: 'laki-migrate-to-postgres' });
    try {
      return await inTransaction(target.pool, async (client) => {
        // Serialise concurrent runs against the same target.
        await client.query('LOCK TABLE tickets, jobs, ticket_counters, bot_state, question_log IN EXCLUSIVE MODE');
        const before = await targetCounts(client);
        if (MIGRATED_TABLES.some((table) => before[table] > 0)) {
          if (await holdsExactly(client, before, sourceCounts, rows.tickets)) return { outcome: 'already-migrated', counts: before };
          throw new MigrationTargetNotEmptyError(before);
        }
        for (const table of MIGRATED_TABLES) await copyRows(client, table, rows[table]);
        const after = await targetCounts(client);
        const differing = MIGRATED_TABLES.filter((table) => after[table] !== sourceCounts[table]);
        if (differing.length > 0) throw new Error(`Row counts differ after copying (${differing.join(', ')}); rolled back`);
        return { outcome: 'copied', counts: after };
      });
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}

async function copyRows(client: PoolClient, table: MigratedTable, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const skip = new Set(GENERATED_COLUMNS[table] ?? []);
  const columns = Object.keys(rows[0]).filter((column) => !skip.has(column));
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const converted = table === 'jobs' ? resumedJob(row) : row;
      const placeholders = columns.map((column) => {
        values.push(toPostgres(column, converted[column]));
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}

/** A job the stopped SQLite process left running is pending again (its lease means nothing here). */
function resumedJob(row: Record<string, unknown>): Record<string, unknown> {
  return row.state === 'running' ? { ...row, state: 'pending', lease_until: null } : row;
}

function toPostgres(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (TIME_COLUMNS.has(column)) return new Date(Number(value));
  if (typeof value === 'string') return storableText(value);
  return value;
}

async function targetCounts(client: PoolClient): Promise<TableCounts> {
  const counts: Partial<Record<MigratedTable, number>> = {};
  for (const table of MIGRATED_TABLES) {
    const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  return counts as TableCounts;
}

/** True when the target has the source's counts and every source ticket with its number. */
async function holdsExactly(
  client: PoolClient,
  target: TableCounts,
  source: TableCounts,
  tickets: ReadonlyArray<Record<string, unknown>>,
): Promise<boolean> {
  if (MIGRATED_TABLES.some((table) => target[table] !== source[table])) return false;
  const { rows } = await client.query<{ id: string; number: string }>('SELECT id, number FROM tickets');
  const stored = new Map(rows.map((row) => [row.id, row.number]));
  return tickets.every((ticket) => stored.get(String(ticket.id)) === ticket.number);
}

function countsOf(count: (table: MigratedTable) => number): TableCounts {
  return Object.fromEntries(MIGRATED_TABLES.map((table) => [table, count(table)])) as TableCounts;
}
