import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate, openSqliteStore, SchemaTooNewError, schemaVersion } from '../../src/storage/sqlite';
import { openStore } from '../../src/storage';
import { tmpDir } from './tmpStore';

describe('openSqliteStore', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tmpDir()));
  afterEach(() => cleanup());

  it('should create the data directory and the file on first start, in WAL mode', async () => {
    const file = join(dir, 'nested', 'data', 'laki.sqlite');
    const store = openSqliteStore({ file });
    expect(existsSync(file)).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(store.db)).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    await store.close();
  });

  it('should open the default store as laki-assistent.sqlite inside DATA_DIR', async () => {
    const store = openStore({ dataDir: join(dir, 'data') });
    expect(existsSync(join(dir, 'data', 'laki-assistent.sqlite'))).toBe(true);
    await store.close();
  });

  it('should apply each migration once, also when opened again', async () => {
    const file = join(dir, 'laki.sqlite');
    await openSqliteStore({ file }).close();
    const store = openSqliteStore({ file });
    const rows = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((migration) => ({ version: migration.version })));
    await store.close();
  });

  it('should upgrade a database of an older version and keep its data', async () => {
    const file = join(dir, 'laki.sqlite');
    // What version 1 of the app left behind: only the question log, with data in it.
    const old = new Database(file);
    expect(migrate(old, MIGRATIONS.slice(0, 1))).toEqual([1]);
    old.prepare("INSERT INTO question_log (recorded_at, kind, question, entry_id) VALUES (1, 'answered', 'Wer ist die LaKI?', 'laki')").run();
    expect(() => old.prepare('SELECT * FROM tickets').all()).toThrow(/no such table/);
    old.close();

    const store = openSqliteStore({ file });
    expect(schemaVersion(store.db)).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(store.db.prepare('SELECT question, entry_id FROM question_log').all()).toEqual([
      { question: 'Wer ist die LaKI?', entry_id: 'laki' },
    ]);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    await store.close();
  });

  it('should roll back a failing migration and leave the version where it was', async () => {
    const file = join(dir, 'laki.sqlite');
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE x (a); SELECT * FROM missing_table;' }];
    expect(() => openSqliteStore({ file, migrations: broken })).toThrow(/no such table: missing_table/);
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'x'").all()).toEqual([]);
    db.close();
  });

  it('should refuse a database written by a newer app version', async () => {
    const file = join(dir, 'laki.sqlite');
    await openSqliteStore({ file }).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(1000, 'future', 0);
    db.close();
    expect(() => openSqliteStore({ file })).toThrow(SchemaTooNewError);
  });
});

describe('question log', () => {
  it('should delete events older than the retention date and keep newer ones', async () => {
    const { dir, cleanup } = tmpDir();
    let now = new Date('2026-01-01T00:00:00Z');
    const store = openSqliteStore({ file: join(dir, 'q.sqlite'), clock: () => now });
    await store.questionLog.record({ kind: 'declined', question: 'alt', outcome: 'none' });
    now = new Date('2026-03-01T00:00:00Z');
    await store.questionLog.record({ kind: 'suggested', question: 'neu', suggestedIds: ['a', 'b'] });
    expect(await store.questionLog.deleteOlderThan(new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(store.db.prepare('SELECT question, suggested_ids FROM question_log').all()).toEqual([
      { question: 'neu', suggested_ids: '["a","b"]' },
    ]);
    await store.close();
    cleanup();
  });

  it('should log, not throw, when recording fails', async () => {
    const { dir, cleanup } = tmpDir();
    const errors: string[] = [];
    const store = openSqliteStore({ file: join(dir, 'q.sqlite'), logger: { error: (_details, message) => errors.push(message) } });
    store.db.exec('DROP TABLE question_log');
    await expect(store.questionLog.record({ kind: 'answered', question: 'x' })).resolves.toBeUndefined();
    expect(errors).toEqual(['question log: could not record event']);
    await store.close();
    cleanup();
  });
});
