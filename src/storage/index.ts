/**
 * Opening the app's store. SQLite under `DATA_DIR` is the default; a PostgreSQL implementation
 * of the same {@link Store} interface can be chosen here later (e.g. when `DATABASE_URL` is set).
 */
import { join } from 'node:path';
import { openSqliteStore, SQLITE_FILE_NAME, type SqliteStore } from './sqlite';
import type { QuestionLogErrorSink } from './sqlite/questionLog';

export type { Store, TicketStore, JobStore, QuestionLog, QuestionLogRetention, JobCounts } from './types';

export interface OpenStoreOptions {
  /** `DATA_DIR`: the database file `laki-assistent.sqlite` is created inside on first start. */
  readonly dataDir: string;
  readonly logger?: QuestionLogErrorSink;
}

/** Opens the default store (SQLite file in `dataDir`, migrated to the current schema). */
export function openStore(options: OpenStoreOptions): SqliteStore {
  return openSqliteStore({ file: join(options.dataDir, SQLITE_FILE_NAME), logger: options.logger });
}
