import { ConfigError, loadConfig } from '../../src/config';
import { spawnService } from '../helpers/service';

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
    const service = spawnService({
      env: { PORT: '0', LOG_LEVEL: 'silent', KNOWLEDGE_RELOAD: 'false', DATABASE_URL: 'postgres://laki:geheim@127.0.0.1:1/laki' },
    });
    const code = await service.exited;
    const output = service.output();
    expect(code).toBe(1);
    expect(output).toContain('LaKI-Assistent cannot start');
    expect(output).toContain('Cannot open the PostgreSQL database postgres://laki:***@127.0.0.1:1/laki (DATABASE_URL)');
    expect(output).toContain('ECONNREFUSED');
    expect(output).not.toContain('geheim');
  }, 120_000);
});
