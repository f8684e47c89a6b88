/**
 * Opening the app's store. SQLite under `DATA_DIR` is the default; with `DATABASE_URL` set the
 * PostgreSQL implementation of the same {@link Store} interface is used (several instances).
 */
import { join } from 'node:path';
import { openPostgresStore } from './postgres';
import { openSqliteStore, SQLITE_FILE_NAME, type SqliteStore } from './sqlite';
import type { QuestionLogErrorSink } from './sqlite/questionLog';
import type { Store } from './types';

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

/** Which database {@link openConfiguredStore} opened, for the start-up log line. */
export type StoreKind = 'sqlite' | 'postgres';

/**
 * Opens the store the configuration asks for: PostgreSQL when `databaseUrl` (`DATABASE_URL`) is
 * set, otherwise the SQLite file in `dataDir`. Either way the schema is migrated first.
 */
export async function openConfiguredStore(
  options: OpenStoreOptions & { readonly databaseUrl?: string },
): Promise<Store & { readonly kind: StoreKind }> {
  if (options.databaseUrl) {
    const store = await openPostgresStore({ connectionString: options.databaseUrl, logger: options.logger });
    return Object.assign(store, { kind: 'postgres' as const });
  }
  return Object.assign(openStore(options), { kind: 'sqlite' as const });
}
