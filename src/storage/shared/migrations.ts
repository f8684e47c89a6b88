/** Migration model and version bookkeeping shared by the SQLite and PostgreSQL runners. */

/** One schema step; each database keeps its own list with its own SQL. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Thrown when the database was written by a newer version of the app than this one. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(
    readonly databaseVersion: number,
    readonly knownVersion: number,
  ) {
    super(`Database schema version ${databaseVersion} is newer than this app knows (${knownVersion}); upgrade the app`);
  }
}

/**
 * The migrations newer than the database's `current` version, in version order. Throws
 * {@link SchemaTooNewError} when the database is ahead of every migration this app knows.
 */
export function pendingMigrations<M extends Migration>(current: number, migrations: readonly M[]): M[] {
  const known = migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
  if (current > known) throw new SchemaTooNewError(current, known);
  return [...migrations].filter((migration) => migration.version > current).sort((a, b) => a.version - b.version);
}
