/**
 * `npm run db:backup [-- --out FILE]`: a consistent online backup of the SQLite store while the
 * service runs (default file: `DATA_DIR/backups/laki-assistent-<UTC time>.sqlite`). Restore
 * steps: docs/deploy.md, "Backup and restore". With DATABASE_URL set, use PostgreSQL's tools.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../src/config';
import { SQLITE_FILE_NAME } from '../src/storage/sqlite';
import { backupSqliteDatabase, SqliteBackupError } from '../src/storage/sqlite/backup';
import { loadServiceEnv } from './ops/env';

const USAGE = 'Usage: npm run db:backup [-- --out FILE]';

/** `2026-03-10T09-00-00Z`: sortable and valid in every file system. */
function backupStamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 0 && !(args.length === 2 && args[0] === '--out')) throw new SqliteBackupError(USAGE);
  loadServiceEnv();
  const config = loadConfig(process.env);
  if (config.databaseUrl) {
    throw new SqliteBackupError('DATABASE_URL is set: the data lives in PostgreSQL. Back it up with pg_dump (docs/deploy.md).');
  }
  const source = join(config.dataDir, SQLITE_FILE_NAME);
  const target = resolve(args[1] ?? join(config.dataDir, 'backups', `laki-assistent-${backupStamp(new Date())}.sqlite`));
  mkdirSync(dirname(target), { recursive: true });
  const result = await backupSqliteDatabase(source, target);
  console.log(
    `Backup written: ${result.file} (${result.pages} pages, schema ${result.schemaVersion}, ` +
      `${result.tickets} tickets, ${result.jobs} jobs; integrity ok)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof SqliteBackupError ? 2 : 1;
});
