/**
 * `npm run db:backup` while the service writes, and the documented restore: copy the backup to
 * `DATA_DIR/laki-assistent.sqlite` of a stopped service and start it on that file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/storage';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../src/storage/sqlite';
import { backupSqliteDatabase, SqliteBackupError } from '../../src/storage/sqlite/backup';
import { ROOT } from '../helpers/service';
import { newTicket, tmpDir } from '../storage/tmpStore';
import { runScript } from './runScript';

jest.setTimeout(120_000);

describe('npm run db:backup and restore', () => {
  let dir: ReturnType<typeof tmpDir>;
  let writer: ChildProcess | undefined;

  beforeEach(() => {
    dir = tmpDir();
  });
  afterEach(async () => {
    if (writer && writer.exitCode === null && writer.signalCode === null) {
      writer.kill('SIGKILL');
      await new Promise((resolve) => writer!.once('exit', resolve));
    }
    dir.cleanup();
  });

  /** Starts the writer process on `file`; resolves once it has written its first round. */
  async function startWriter(file: string): Promise<void> {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', require.resolve('./liveWrites.script.ts'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    writer = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('writing') && resolve());
      child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
    });
  }

  const ticketCount = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('should back up a database under live writes and restore it to a store that opens and continues', async () => {
    const dataDir = join(dir.dir, 'data');
    const live = join(dataDir, SQLITE_FILE_NAME);
    openSqliteStore({ file: live }).db.close(); // the service created its database
    await startWriter(live);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = ticketCount(live);

    const result = await runScript('scripts/db-backup.ts', [], { DATA_DIR: dataDir, KNOWLEDGE_DIR: join(ROOT, 'knowledge') }, dir.dir);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('integrity ok') });
    const after = ticketCount(live);
    expect(writer!.exitCode).toBeNull(); // the writer kept writing during the backup
    expect(after).toBeGreaterThan(before);
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^laki-assistent-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite$/);
    const backup = join(dataDir, 'backups', backups[0]);
    writer!.kill('SIGKILL');

    // Restore as docs/deploy.md says: the stopped service's DATA_DIR gets the backup as its database file.
    const restoredDir = join(dir.dir, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(backup, join(restoredDir, SQLITE_FILE_NAME));
    const store = openStore({ dataDir: restoredDir });
    try {
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
      const tickets = count('SELECT COUNT(*) AS n FROM tickets');
      expect(tickets).toBeGreaterThanOrEqual(before);
      expect(tickets).toBeLessThanOrEqual(after);
      expect(result.stdout).toContain(`${tickets} tickets`);
      // One consistent moment: every ticket has both its jobs, the counter matches the tickets.
      expect(count('SELECT COUNT(*) AS n FROM jobs')).toBe(2 * tickets);
      expect(count('SELECT MAX(last_sequence) AS n FROM ticket_counters')).toBe(tickets);
      expect(count('SELECT COUNT(*) AS n FROM question_log')).toBeGreaterThanOrEqual(tickets - 1);
      // The restored service continues: the next ticket gets the next number.
      const { ticket } = await store.tickets.create(newTicket({ idempotencyKey: 'after-restore' }), () => [], new Date());
      expect(ticket.number).toMatch(new RegExp(`-${String(tickets + 1).padStart(4, '0')}$`));
      expect((await store.tickets.listByAsker('29:user-1', 1))[0].number).toBe(ticket.number);
    } finally {
      await store.close();
    }
  });

  it('should never overwrite a file and refuse a missing database', async () => {
    const live = join(dir.dir, 'data', SQLITE_FILE_NAME);
    openSqliteStore({ file: live }).db.close();
    const target = join(dir.dir, 'copy.sqlite');
    await expect(backupSqliteDatabase(live, target)).resolves.toMatchObject({ file: target, tickets: 0 });
    await expect(backupSqliteDatabase(live, target)).rejects.toThrow(SqliteBackupError);
    await expect(backupSqliteDatabase(join(dir.dir, 'none.sqlite'), join(dir.dir, 'x.sqlite'))).rejects.toThrow('No database at');
    expect(existsSync(join(dir.dir, 'x.sqlite'))).toBe(false);
  });

  it('should point to pg_dump when the data lives in PostgreSQL', async () => {
    const result = await runScript('scripts/db-backup.ts', [], { DATA_DIR: join(dir.dir, 'data'), DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' }, dir.dir);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('pg_dump') });
  });
});
