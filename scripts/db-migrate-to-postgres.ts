/**
 * `npm run db:migrate-to-postgres -- --to postgres://…` (or TARGET_DATABASE_URL): copies the
 * SQLite store in DATA_DIR into an empty PostgreSQL database. Stop the service first; then set
 * DATABASE_URL to the target and start it (docs/deploy.md, "Moving from SQLite to PostgreSQL").
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { describeCounts, migrateSqliteToPostgres, MigrationTargetNotEmptyError } from '../src/storage/migrateToPostgres';
import { redacted } from '../src/storage/postgres';
import { SQLITE_FILE_NAME } from '../src/storage/sqlite';
import { loadServiceEnv } from './ops/env';

class UsageError extends Error {}

const USAGE =
  'Usage: npm run db:migrate-to-postgres -- --to postgres://user:password@host:5432/database\n' +
  '(or set TARGET_DATABASE_URL). Copies DATA_DIR/laki-assistent.sqlite into that empty database; stop the service first.';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (!(args.length === 0 || (args.length === 2 && args[0] === '--to'))) throw new UsageError(USAGE);
  loadServiceEnv();
  const postgresUrl = args[1] ?? process.env.TARGET_DATABASE_URL;
  if (!postgresUrl || !/^postgres(ql)?:\/\//.test(postgresUrl)) throw new UsageError(USAGE);
  // The source is the SQLite file, whatever DATABASE_URL says.
  const config = loadConfig({ ...process.env, DATABASE_URL: '' });
  const sqliteFile = join(config.dataDir, SQLITE_FILE_NAME);
  if (!existsSync(sqliteFile)) throw new UsageError(`No SQLite database at ${sqliteFile} (DATA_DIR).`);
  const result = await migrateSqliteToPostgres({ sqliteFile, postgresUrl });
  console.log(
    result.outcome === 'copied'
      ? `Copied ${describeCounts(result.counts)} from ${sqliteFile} to ${redacted(postgresUrl)}.`
      : `${redacted(postgresUrl)} already holds exactly this data (${describeCounts(result.counts)}); nothing copied.`,
  );
  console.log('Next: set DATABASE_URL to this database and start the service.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof UsageError || error instanceof MigrationTargetNotEmptyError ? 2 : 1;
});
