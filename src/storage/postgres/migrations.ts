/**
 * Versioned schema migrations for the PostgreSQL store. Append new migrations at the end with
 * the next version number; never edit one that has shipped.
 *
 * Several instances may start at the same moment against one database, so migrating runs in one
 * transaction that first takes a transaction-level advisory lock: the second instance waits,
 * then sees the versions the first one applied and applies nothing.
 */
import type { Pool, PoolClient } from 'pg';
import { pendingMigrations, SchemaTooNewError, type Migration } from '../shared/migrations';

export { SchemaTooNewError, type Migration };

/**
 * Key of the advisory lock that serialises migrations (any constant bigint works; this one is
 * the first eight bytes of sha1('laki-assistent:migrations')).
 */
export const MIGRATION_LOCK_KEY = '5324315299319371686';

/**
 * The ordered migration list; the same tables as the SQLite store. Times are `timestamptz`;
 * JSON values are stored as text (exact round trip, no jsonb restrictions such as `\u0000`).
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'question log',
    sql: `
      CREATE TABLE question_log (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recorded_at TIMESTAMPTZ NOT NULL,
        kind TEXT NOT NULL,
        question TEXT,
        outcome TEXT,
        score DOUBLE PRECISION,
        entry_id TEXT,
        suggested_ids TEXT
      );
      CREATE INDEX question_log_recorded_at ON question_log (recorded_at);
    `,
  },
  {
    version: 2,
    name: 'tickets and delivery jobs',
    sql: `
      CREATE TABLE ticket_counters (
        year INTEGER PRIMARY KEY,
        last_sequence INTEGER NOT NULL
      );
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('open', 'assigned', 'answered', 'closed')),
        question TEXT NOT NULL,
        kommune TEXT,
        asker_name TEXT NOT NULL,
        asker_user_id TEXT NOT NULL,
        asker_aad_object_id TEXT,
        asker_conversation_reference TEXT NOT NULL,
        channel_thread_id TEXT,
        channel_card_activity_id TEXT,
        mail_message_id TEXT,
        assignee TEXT,
        answer TEXT,
        answered_by TEXT,
        answered_at TIMESTAMPTZ,
        best_guess_ids TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX tickets_asker ON tickets (asker_user_id, created_at);
      CREATE INDEX tickets_status_updated ON tickets (status, updated_at);
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        kind TEXT NOT NULL,
        ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        payload TEXT NOT NULL,
        dedupe_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMPTZ NOT NULL,
        lease_until TIMESTAMPTZ,
        last_error TEXT,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX jobs_due ON jobs (state, next_attempt_at);
      CREATE INDEX jobs_ticket ON jobs (ticket_id);
    `,
  },
  {
    version: 3,
    name: 'bot turn state',
    sql: `
      CREATE TABLE bot_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        etag TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'delivery send marker and every card of a ticket',
    sql: `
      ALTER TABLE jobs ADD COLUMN send_started_at TIMESTAMPTZ;
      ALTER TABLE tickets ADD COLUMN channel_cards TEXT;
    `,
  },
  {
    version: 5,
    name: 'delivery jobs about no ticket (the weekly report post)',
    sql: `ALTER TABLE jobs ALTER COLUMN ticket_id DROP NOT NULL;`,
  },
  {
    // 4 and 5 belong to the delivery send marker and the report jobs (numbering fixed by the lead).
    version: 6,
    name: 'entry drafts and knowledge revisions',
    sql: `
      CREATE TABLE entry_drafts (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('open', 'published', 'discarded')),
        content TEXT NOT NULL,
        title TEXT NOT NULL,
        base_entry_id TEXT,
        base_hash TEXT NOT NULL,
        source_questions TEXT NOT NULL,
        ticket_number TEXT,
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        version INTEGER NOT NULL,
        published_seq BIGINT
      );
      CREATE INDEX entry_drafts_status ON entry_drafts (status, updated_at);
      CREATE TABLE knowledge_revisions (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entry_id TEXT NOT NULL,
        file TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('publish', 'undo')),
        title TEXT NOT NULL,
        before_hash TEXT NOT NULL,
        after_hash TEXT NOT NULL,
        before_entry TEXT,
        after_entry TEXT,
        actor TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL,
        draft_id TEXT,
        undone_seq BIGINT
      );
      CREATE INDEX knowledge_revisions_entry ON knowledge_revisions (entry_id, seq);
    `,
  },
]);

/**
 * Applies every migration newer than the database's version, in order, in ONE transaction under
 * the advisory lock, each with its row in `schema_migrations`. A failing migration rolls back
 * all of this run. Resolves to the versions applied (empty when another instance was first).
 */
export async function migratePostgres(
  pool: Pool,
  migrations: readonly Migration[] = POSTGRES_MIGRATIONS,
  now = new Date(),
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL
      )`);
      const pending = pendingMigrations(await versionWith(client), migrations);
      for (const migration of pending) {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          now,
        ]);
      }
      await client.query('COMMIT');
      return pending.map((migration) => migration.version);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

/** The highest applied migration version, 0 for a new database. */
export async function postgresSchemaVersion(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
  if (!rows[0].exists) return 0;
  const client = await pool.connect();
  try {
    return await versionWith(client);
  } finally {
    client.release();
  }
}

async function versionWith(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
  return rows[0].version ?? 0;
}
