/**
 * Versioned schema migrations for the SQLite store. Append new migrations at the end with the
 * next version number; never edit one that has shipped.
 */
import type Database from 'better-sqlite3';
import { pendingMigrations, SchemaTooNewError, type Migration } from '../shared/migrations';

export { SchemaTooNewError, type Migration };

/**
 * A migration whose change plain SQL cannot express on SQLite (which has no ALTER COLUMN): `run`
 * replaces executing `sql` and runs inside the migration's transaction.
 */
export interface SqliteMigration extends Migration {
  readonly run?: (db: Database.Database) => void;
}

/**
 * SQLite cannot drop a NOT NULL constraint in place: the table is rebuilt from its own stored
 * definition (which includes every column added since, whatever migrations added them), with
 * `column`'s NOT NULL removed, its rows copied and its indexes recreated.
 */
function dropNotNull(table: string, column: string): (db: Database.Database) => void {
  return (db) => {
    const definition = db.prepare<[string], { sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
    const indexes = db
      .prepare<[string], { sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
      .all(table);
    const constraint = new RegExp(`(\\b${column}\\s+TEXT)\\s+NOT\\s+NULL`, 'i');
    if (!definition || !constraint.test(definition.sql)) throw new Error(`Migration: ${table}.${column} is not a NOT NULL text column`);
    const rebuilt = definition.sql.replace(constraint, '$1').replace(new RegExp(`^CREATE TABLE\\s+"?${table}"?`, 'i'), `CREATE TABLE ${table}_rebuilt`);
    db.exec(rebuilt);
    db.exec(`INSERT INTO ${table}_rebuilt SELECT * FROM ${table}`);
    db.exec(`DROP TABLE ${table}`);
    db.exec(`ALTER TABLE ${table}_rebuilt RENAME TO ${table}`);
    for (const index of indexes) db.exec(index.sql);
  };
}

/** The ordered migration list. Times are stored as milliseconds since the epoch (UTC). */
export const MIGRATIONS: readonly SqliteMigration[] = Object.freeze([
  {
    version: 1,
    name: 'question log',
    sql: `
      CREATE TABLE question_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recorded_at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        question TEXT,
        outcome TEXT,
        score REAL,
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
        answered_at INTEGER,
        best_guess_ids TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX tickets_asker ON tickets (asker_user_id, created_at);
      CREATE INDEX tickets_status_updated ON tickets (status, updated_at);
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        payload TEXT NOT NULL,
        dedupe_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        lease_until INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
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
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'delivery send marker and every card of a ticket',
    sql: `
      ALTER TABLE jobs ADD COLUMN send_started_at INTEGER;
      ALTER TABLE tickets ADD COLUMN channel_cards TEXT;
    `,
  },
  {
    version: 5,
    name: 'delivery jobs about no ticket (the weekly report post)',
    sql: '-- jobs.ticket_id becomes nullable (table rebuilt, see dropNotNull)',
    run: dropNotNull('jobs', 'ticket_id'),
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
        created_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        version INTEGER NOT NULL,
        published_seq INTEGER
      );
      CREATE INDEX entry_drafts_status ON entry_drafts (status, updated_at);
      CREATE TABLE knowledge_revisions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id TEXT NOT NULL,
        file TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('publish', 'undo')),
        title TEXT NOT NULL,
        before_hash TEXT NOT NULL,
        after_hash TEXT NOT NULL,
        before_entry TEXT,
        after_entry TEXT,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        draft_id TEXT,
        undone_seq INTEGER
      );
      CREATE INDEX knowledge_revisions_entry ON knowledge_revisions (entry_id, seq);
    `,
  },
]);

/**
 * Applies every migration newer than the database's version, in order, each in its own
 * transaction together with its row in `schema_migrations`. Resolves to the versions applied.
 */
export function migrate(db: Database.Database, migrations: readonly SqliteMigration[] = MIGRATIONS, now = new Date()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const pending = pendingMigrations(schemaVersion(db), migrations);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      if (migration.run) migration.run(db);
      else db.exec(migration.sql);
      record.run(migration.version, migration.name, now.getTime());
    }).immediate();
  }
  return pending.map((migration) => migration.version);
}

/** The highest applied migration version, 0 for a new database. */
export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}
