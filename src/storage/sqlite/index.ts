/** The default store: one SQLite file (WAL mode) holding everything the app persists. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../types';
import { createSqliteBotStorage } from './botState';
import { createSqliteEditorStore } from './editors';
import { migrate, MIGRATIONS, type SqliteMigration } from './migrations';
import { createSqliteJobStore } from './jobs';
import { createSqliteQuestionLog, type QuestionLogErrorSink } from './questionLog';
import { createSqliteTicketStore } from './tickets';

export { MIGRATIONS, migrate, schemaVersion, SchemaTooNewError, type Migration } from './migrations';

/** File name of the database inside `DATA_DIR`. */
export const SQLITE_FILE_NAME = 'laki-assistent.sqlite';

export interface SqliteStoreOptions {
  /** Path of the database file; its directory is created when missing. */
  readonly file: string;
  /** How long a write waits for another connection's lock before failing (default 5 s). */
  readonly busyTimeoutMs?: number;
  /** Only for tests of upgrades: the migrations to apply (default: all). */
  readonly migrations?: readonly SqliteMigration[];
  readonly clock?: () => Date;
  readonly logger?: QuestionLogErrorSink;
}

/** The SQLite store plus the raw handle, for maintenance tasks and tests. */
export interface SqliteStore extends Store {
  readonly db: Database.Database;
}

/**
 * Opens (and on first start creates) the database file, switches it to WAL mode with a busy
 * timeout so readers never block the writer, applies pending migrations and returns the stores.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS, options.clock?.());
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    questionLog: createSqliteQuestionLog(db, { clock: options.clock, logger: options.logger }),
    tickets: createSqliteTicketStore(db),
    jobs: createSqliteJobStore(db),
    botState: createSqliteBotStorage(db, options.clock),
    editors: createSqliteEditorStore(db),
    async close() {
      if (db.open) db.close();
    },
  };
}
