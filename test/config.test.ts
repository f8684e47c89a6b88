import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('should apply the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3978,
      host: '127.0.0.1',
      knowledgeDir: 'knowledge',
      dataDir: 'data',
      logLevel: 'info',
      botCredentials: undefined,
      botEndpoints: {},
      teamsTenantId: undefined,
      publicRateLimitPerMinute: 120,
      trustProxyHops: 0,
      metrics: { enabled: true, host: '127.0.0.1' },
      knowledgeReload: true,
      questionLogRetentionDays: 180,
      report: { enabled: false, schedule: '0 8 * * 1' },
    });
  });

  it('should keep Bot Framework endpoint overrides without trailing slashes', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      BOT_OPENID_METADATA_URL: 'http://127.0.0.1:4000/.well-known/openid-configuration',
      BOT_LOGIN_URL: 'http://127.0.0.1:4000/tenant-1/',
      TEAMS_TENANT_ID: 'tenant-1',
      METRICS_ENABLED: 'false',
      METRICS_PORT: '9464',
    });
    expect(config.botEndpoints).toEqual({
      openIdMetadataUrl: 'http://127.0.0.1:4000/.well-known/openid-configuration',
      loginUrl: 'http://127.0.0.1:4000/tenant-1',
    });
    expect(config.teamsTenantId).toBe('tenant-1');
    expect(config.metrics).toEqual({ enabled: false, port: 9464, host: '127.0.0.1' });
  });

  it('should refuse endpoint overrides without credentials and URLs that are not http(s)', () => {
    expect(() => loadConfig({ BOT_LOGIN_URL: 'login.example' })).toThrow(
      expect.objectContaining({
        problems: [
          'BOT_LOGIN_URL: must be an http(s) URL (got "login.example")',
          'BOT_LOGIN_URL: has no effect without MicrosoftAppId and MicrosoftAppPassword',
        ],
      }),
    );
  });

  it('should treat blank values as unset, as env files write them', () => {
    const config = loadConfig({ PORT: '', LOG_LEVEL: '  ', MicrosoftAppId: '', MicrosoftAppPassword: '' });
    expect(config.port).toBe(3978);
    expect(config.logLevel).toBe('info');
    expect(config.botCredentials).toBeUndefined();
  });

  it('should convert and keep given values', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      KNOWLEDGE_DIR: '/srv/kb',
      DATA_DIR: '/var/lib/laki',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      knowledgeDir: '/srv/kb',
      dataDir: '/var/lib/laki',
      logLevel: 'debug',
    });
  });

  it('should ignore keys it does not know', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', SOMETHING_ELSE: 'x' })).not.toThrow();
  });

  it('should return a frozen object', () => {
    const config = loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.botCredentials)).toBe(true);
  });

  it.each([
    ['multi-tenant: id and password', { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' },
      { appId: 'a', appPassword: 'p', tenantId: undefined }],
    ['single-tenant: id, password and tenant', { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 't' },
      { appId: 'a', appPassword: 'p', tenantId: 't' }],
  ])('should accept bot credentials: %s', (_name, env, expected) => {
    expect(loadConfig(env).botCredentials).toEqual(expected);
  });

  it.each([
    ['a non-numeric port', { PORT: 'abc' }, ['PORT: ', '(got "abc")']],
    ['a port out of range', { PORT: '70000' }, ['PORT: ']],
    ['a fractional port', { PORT: '80.5' }, ['PORT: ']],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, ['LOG_LEVEL: ', '(got "verbose")']],
    ['a password without an app id', { MicrosoftAppPassword: 'p' }, ['MicrosoftAppPassword: set without MicrosoftAppId']],
    ['a tenant without an app id', { MicrosoftAppTenantId: 't' }, ['MicrosoftAppTenantId: set without MicrosoftAppId']],
    ['an app id without a password', { MicrosoftAppId: 'a' }, ['MicrosoftAppPassword: required']],
    ['an app id and tenant without a password', { MicrosoftAppId: 'a', MicrosoftAppTenantId: 't' }, ['MicrosoftAppPassword: required']],
  ])('should reject %s', (_name, env, fragments) => {
    const error = captureConfigError(env);
    expect(error.problems).toHaveLength(1);
    for (const fragment of fragments) expect(error.problems[0]).toContain(fragment);
  });

  it('should list every problem in one error', () => {
    const error = captureConfigError({ PORT: '-1', LOG_LEVEL: 'loud', MicrosoftAppPassword: 'p' });
    expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'MicrosoftAppPassword', 'PORT']);
    expect(error.message).toContain('Invalid configuration (3 problems)');
    expect(error.message).toContain('PORT: ');
    expect(error.message).toContain('LOG_LEVEL: ');
  });

  it('should never echo the app password', () => {
    const error = captureConfigError({ MicrosoftAppPassword: 'top-secret-value' });
    expect(error.message).not.toContain('top-secret-value');
  });
});

function captureConfigError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig did not throw');
}
