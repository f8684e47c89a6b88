/**
 * Online backup of the SQLite store (`npm run db:backup`): a consistent copy of the database
 * file while the service keeps running, made with SQLite's backup API (better-sqlite3's
 * `.backup()`), then checked by opening the copy.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { schemaVersion } from './migrations';

/** What a finished backup reports, for the operator's output. */
export interface SqliteBackupResult {
  readonly file: string;
  readonly pages: number;
  readonly schemaVersion: number;
  readonly tickets: number;
  readonly jobs: number;
}

/** Thrown when the source is missing, the target exists, or the copy fails its integrity check. */
export class SqliteBackupError extends Error {
  override readonly name = 'SqliteBackupError';
}

/**
 * Pages copied per backup step. The whole database in one step: SQLite reads it inside one read
 * transaction, so the copy is one consistent state however busy the writers are (with smaller
 * steps a write by the service between steps would restart the backup, possibly forever).
 * WAL mode lets the service keep writing during that step.
 */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database `source` to the new file `target` while other connections (the running
 * service) read and write it, and verifies the copy (`PRAGMA integrity_check`). Never overwrites
 * an existing file.
 */
export async function backupSqliteDatabase(source: string, target: string): Promise<SqliteBackupResult> {
  if (!existsSync(source)) throw new SqliteBackupError(`No database at ${source}`);
  if (existsSync(target)) throw new SqliteBackupError(`${target} exists already; choose another file`);
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  let pages = 0;
  try {
    const progress = await db.backup(target, { progress: () => ALL_PAGES });
    pages = progress.totalPages;
  } finally {
    db.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    // One self-contained file (no -wal/-shm beside it) to store and to copy back; the service
    // switches it to WAL again when it opens it.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new SqliteBackupError(`The backup ${target} failed its integrity check: ${String(check)}`);
    const count = (table: string) => (copy.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { file: target, pages, schemaVersion: schemaVersion(copy), tickets: count('tickets'), jobs: count('jobs') };
  } finally {
    copy.close();
  }
}
