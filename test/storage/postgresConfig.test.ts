import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('DATABASE_URL configuration', () => {
  it.each([
    ['postgres://laki:secret@db.example.org:5432/laki?sslmode=require'],
    ['postgresql://laki@127.0.0.1/laki'],
  ])('should accept %s', (url) => {
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it.each([[undefined], [''], ['   ']])('should keep SQLite when DATABASE_URL is %p', (value) => {
    expect(loadConfig({ DATABASE_URL: value }).databaseUrl).toBeUndefined();
  });

  it('should refuse other URLs without echoing the value (it holds a password)', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://laki:geheim@db/laki' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['DATABASE_URL: must be a postgres:// or postgresql:// URL']);
    expect((error as ConfigError).message).not.toContain('geheim');
  });
});

describe('entry point (src/index.ts) with an unreachable DATABASE_URL', () => {
  it('should refuse to start with the server and the reason, never the password', async () => {
    const root = resolve(__dirname, '../..');
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(root, 'src/index.ts')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        TS_NODE_PROJECT: join(root, 'tsconfig.json'),
        NODE_NO_WARNINGS: '1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        KNOWLEDGE_RELOAD: 'false',
        DATABASE_URL: 'postgres://laki:geheim@127.0.0.1:1/laki',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(1);
    expect(output).toContain('LaKI-Assistent cannot start');
    expect(output).toContain('Cannot open the PostgreSQL database postgres://laki:***@127.0.0.1:1/laki (DATABASE_URL)');
    expect(output).toContain('ECONNREFUSED');
    expect(output).not.toContain('geheim');
  }, 120_000);
});
