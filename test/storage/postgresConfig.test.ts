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
