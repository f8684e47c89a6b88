/**
 * Opening the app's store. SQLite under `DATA_DIR` is the default; with `DATABASE_URL` set the
 * PostgreSQL implementation of the same {@link Store} interface is used (several instances).
 */
import { join } from 'node:path';
import { createPostgresAnsweredTicketReader, createPostgresOpenTicketReader, createPostgresQuestionLogReader, openPostgresStore, type PostgresStore } from './postgres';
import { openSqliteStore, SQLITE_FILE_NAME, type SqliteStore } from './sqlite';
import { createSqliteQuestionLogReader, type QuestionLogErrorSink } from './sqlite/questionLog';
import { createSqliteAnsweredTicketReader, createSqliteOpenTicketReader } from './sqlite/tickets';
import type { AnsweredTicketReader, OpenTicketReader, QuestionLogReader, Store } from './types';

export type { Store, TicketStore, JobStore, QuestionLog, QuestionLogRetention, JobCounts } from './types';
export type * from './editorTypes';

export interface OpenStoreOptions {
  /** `DATA_DIR`: the database file `laki-assistent.sqlite` is created inside on first start. */
  readonly dataDir: string;
  readonly logger?: QuestionLogErrorSink;
}

/** Opens the default store (SQLite file in `dataDir`, migrated to the current schema). */
export function openStore(options: OpenStoreOptions): SqliteStore {
  return openSqliteStore({ file: join(options.dataDir, SQLITE_FILE_NAME), logger: options.logger });
}

/** Which database {@link openConfiguredStore} opened, for the start-up log line. */
export type StoreKind = 'sqlite' | 'postgres';

/** The read-only views the editors' tools (`kb:report`, `kb:draft`, the weekly report) use, on either database. */
export interface StoreReaders {
  readonly questionLog: QuestionLogReader;
  readonly answeredTickets: AnsweredTicketReader;
  readonly openTickets: OpenTicketReader;
}

/** What {@link openConfiguredStore} resolves to. */
export type ConfiguredStore = Store & { readonly kind: StoreKind; readonly readers: StoreReaders };

/**
 * Opens the store the configuration asks for: PostgreSQL when `databaseUrl` (`DATABASE_URL`) is
 * set, otherwise the SQLite file in `dataDir`. Either way the schema is migrated first.
 */
export async function openConfiguredStore(
  options: OpenStoreOptions & { readonly databaseUrl?: string },
): Promise<ConfiguredStore> {
  if (options.databaseUrl) {
    const store = await openPostgresStore({ connectionString: options.databaseUrl, logger: options.logger });
    const readers = {
      questionLog: createPostgresQuestionLogReader(store.pool),
      answeredTickets: createPostgresAnsweredTicketReader(store.pool),
      openTickets: createPostgresOpenTicketReader(store.pool),
    };
    return Object.assign(store, { kind: 'postgres' as const, readers });
  }
  const store = openStore(options);
  const readers = {
    questionLog: createSqliteQuestionLogReader(store.db),
    answeredTickets: createSqliteAnsweredTicketReader(store.db),
    openTickets: createSqliteOpenTicketReader(store.db),
  };
  return Object.assign(store, { kind: 'sqlite' as const, readers });
}
export type { QuestionEvent, StoredQuestionEvent } from './types';
export { scheduleQuestionLogRetention } from './questionLogRetention';

/**
 * The read-only views over an open store: those {@link openConfiguredStore} attached, or new ones
 * on an SQLite or PostgreSQL store opened directly (tests, tools); `undefined` for any other
 * {@link Store} implementation.
 */
export function readersOf(store: Store): StoreReaders | undefined {
  if ('readers' in store) return (store as ConfiguredStore).readers;
  if ('db' in store) {
    const { db } = store as SqliteStore;
    return {
      questionLog: createSqliteQuestionLogReader(db),
      answeredTickets: createSqliteAnsweredTicketReader(db),
      openTickets: createSqliteOpenTicketReader(db),
    };
  }
  if ('pool' in store) {
    const { pool } = store as PostgresStore;
    return {
      questionLog: createPostgresQuestionLogReader(pool),
      answeredTickets: createPostgresAnsweredTicketReader(pool),
      openTickets: createPostgresOpenTicketReader(pool),
    };
  }
  return undefined;
}
