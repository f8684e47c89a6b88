/**
 * The PostgreSQL store: the same {@link Store} as the SQLite default, for several instances
 * sharing one database (`DATABASE_URL`). Connections are pooled; the schema is migrated on open
 * under an advisory lock, so instances may start together.
 */
import { Pool, type PoolConfig } from 'pg';
import type { QuestionLogErrorSink } from '../shared/questionLog';
import type { Store } from '../types';
import { createPostgresBotStorage } from './botState';
import { createPostgresEditorStore } from './editors';
import { createPostgresJobStore } from './jobs';
import { migratePostgres, POSTGRES_MIGRATIONS, SchemaTooNewError, type Migration } from './migrations';
import { createPostgresQuestionLog } from './questionLog';
import { createPostgresTicketStore } from './tickets';

export { createPostgresQuestionLogReader } from './questionLog';
export { createPostgresAnsweredTicketReader, createPostgresOpenTicketReader } from './tickets';

export {
  migratePostgres,
  postgresSchemaVersion,
  POSTGRES_MIGRATIONS,
  MIGRATION_LOCK_KEY,
  SchemaTooNewError,
  type Migration,
} from './migrations';

/** Connection pool settings of one instance. */
export interface PostgresPoolOptions {
  /** Connections per instance. */
  readonly max: number;
  /** A request waiting longer than this for a free connection fails instead of hanging. */
  readonly connectionTimeoutMs: number;
  /** Idle connections are closed after this long. */
  readonly idleTimeoutMs: number;
}

/** Defaults for the pool; a turn needs one connection at a time, the outbox one more. */
export const DEFAULT_POSTGRES_POOL: PostgresPoolOptions = Object.freeze({
  max: 10,
  connectionTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
});

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database?sslmode=require`. */
  readonly connectionString: string;
  /** Receives pool errors (a dropped idle connection) and failed question-log writes. */
  readonly logger?: QuestionLogErrorSink;
  readonly pool?: Partial<PostgresPoolOptions>;
  /** Only for tests of upgrades: the migrations to apply (default: all). */
  readonly migrations?: readonly Migration[];
  readonly clock?: () => Date;
  /** Shown as `application_name` in `pg_stat_activity`, e.g. to tell instances apart. */
  readonly applicationName?: string;
}

/**
 * Thrown when the database cannot be opened or migrated; the message names the server and the
 * cause but never the password, so it can go to the start-up output and logs.
 */
export class PostgresOpenError extends Error {
  override readonly name = 'PostgresOpenError';
  constructor(connectionString: string, override readonly cause: unknown) {
    super(`Cannot open the PostgreSQL database ${redacted(connectionString)} (DATABASE_URL): ${describeCause(cause)}`);
  }
}

/** A readable reason; Node reports a refused `localhost` (IPv4 and IPv6) as an AggregateError without message. */
function describeCause(cause: unknown): string {
  if (cause instanceof AggregateError && !cause.message) return cause.errors.map(describeCause).join('; ') || cause.name;
  if (cause instanceof Error) return cause.message || (cause as { code?: string }).code || cause.name;
  return String(cause);
}

/** The connection string with its password replaced, for messages. */
export function redacted(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable connection string)';
  }
}

/** The PostgreSQL store plus its pool, for maintenance tasks and tests. */
export interface PostgresStore extends Store {
  readonly pool: Pool;
}

/**
 * Connects, migrates the schema to the current version and returns the stores. Rejects (and
 * closes the pool) with {@link PostgresOpenError} when the database is unreachable, the
 * credentials are wrong or a migration fails, and with `SchemaTooNewError` when the schema is
 * newer than this app.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const settings = { ...DEFAULT_POSTGRES_POOL, ...options.pool };
  const config: PoolConfig = {
    connectionString: options.connectionString,
    max: settings.max,
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    application_name: options.applicationName ?? 'laki-assistent',
  };
  const pool = new Pool(config);
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => options.logger?.error({ err: error }, 'postgres: idle connection failed'));
  try {
    await migratePostgres(pool, options.migrations ?? POSTGRES_MIGRATIONS, options.clock?.());
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error instanceof SchemaTooNewError ? error : new PostgresOpenError(options.connectionString, error);
  }
  let closed: Promise<void> | undefined;
  return {
    pool,
    questionLog: createPostgresQuestionLog(pool, { clock: options.clock, logger: options.logger }),
    tickets: createPostgresTicketStore(pool),
    jobs: createPostgresJobStore(pool),
    botState: createPostgresBotStorage(pool, options.clock),
    editors: createPostgresEditorStore(pool),
    close() {
      closed ??= pool.end();
      return closed;
    },
  };
}
