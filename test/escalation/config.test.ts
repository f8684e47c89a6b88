import { ConfigError, loadConfig } from '../../src/config';

/** Runs loadConfig and returns its problems (empty when the configuration is valid). */
function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const CHANNEL = { LAKI_TEAMS_CHANNEL_ID: '19:laki@thread.tacv2', TEAMS_TENANT_ID: 'tenant-nrw' };
const MAIL = { LAKI_INBOX_EMAIL: 'laki@example.org', SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'LaKI-Assistent <bot@example.org>' };

describe('escalation configuration', () => {
  it('should leave escalation off when no target is configured', () => {
    expect(loadConfig({}).escalation).toBeUndefined();
  });

  it('should switch escalation on with defaults when the LaKI channel is configured', () => {
    expect(loadConfig(CHANNEL).escalation).toEqual({
      channel: { channelId: '19:laki@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 'tenant-nrw' },
      limitPerHour: 10,
      ticketRetentionDays: 180,
    });
  });

  it('should configure both targets, the service URL and the limits when all keys are set', () => {
    const config = loadConfig({
      ...CHANNEL,
      ...MAIL,
      LAKI_TEAMS_SERVICE_URL: 'http://127.0.0.1:56150/_connector',
      ESCALATION_LIMIT_PER_HOUR: '3',
      TICKET_RETENTION_DAYS: '30',
    });
    expect(config.escalation).toEqual({
      channel: { channelId: '19:laki@thread.tacv2', serviceUrl: 'http://127.0.0.1:56150/_connector', tenantId: 'tenant-nrw' },
      mail: { smtpUrl: 'smtp://127.0.0.1:2525', from: 'LaKI-Assistent <bot@example.org>', to: 'laki@example.org' },
      limitPerHour: 3,
      ticketRetentionDays: 30,
    });
  });

  it('should switch escalation off with ESCALATION_ENABLED=false even when targets are configured', () => {
    expect(loadConfig({ ...CHANNEL, ...MAIL, ESCALATION_ENABLED: 'false' }).escalation).toBeUndefined();
  });

  it.each([
    [
      'ESCALATION_ENABLED=true without a target',
      { ESCALATION_ENABLED: 'true' },
      ['ESCALATION_ENABLED: true, but no target is configured: set LAKI_TEAMS_CHANNEL_ID (with TEAMS_TENANT_ID) and/or LAKI_INBOX_EMAIL (with SMTP_URL and MAIL_FROM)'],
    ],
    [
      'a channel without its tenant',
      { LAKI_TEAMS_CHANNEL_ID: '19:laki@thread.tacv2' },
      ["TEAMS_TENANT_ID: required with LAKI_TEAMS_CHANNEL_ID (the LaKI channel's tenant)"],
    ],
    [
      'an inbox without server and sender',
      { LAKI_INBOX_EMAIL: 'laki@example.org' },
      [
        'SMTP_URL: required with LAKI_INBOX_EMAIL (e-mail to the LaKI inbox needs LAKI_INBOX_EMAIL, SMTP_URL and MAIL_FROM)',
        'MAIL_FROM: required with LAKI_INBOX_EMAIL (e-mail to the LaKI inbox needs LAKI_INBOX_EMAIL, SMTP_URL and MAIL_FROM)',
      ],
    ],
    ['an invalid inbox address', { ...MAIL, LAKI_INBOX_EMAIL: 'laki at example' }, ['LAKI_INBOX_EMAIL: must be an e-mail address (got "laki at example")']],
    ['a limit of zero', { ...CHANNEL, ESCALATION_LIMIT_PER_HOUR: '0' }, [expect.stringMatching(/^ESCALATION_LIMIT_PER_HOUR: /)]],
  ])('should refuse %s with one clear problem per key', (_case, env, expected) => {
    expect(problemsOf(env as Record<string, string>)).toEqual(expected);
  });

  it('should never echo the SMTP URL, which may hold a password', () => {
    const problems = problemsOf({ ...MAIL, SMTP_URL: 'http://user:secret@mail.example.org' });
    expect(problems).toEqual(['SMTP_URL: must be an smtp:// or smtps:// URL']);
  });
});
