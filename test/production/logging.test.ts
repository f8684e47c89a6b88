/**
 * Structured logs as an operator reads them: one JSON object per line with request and turn ids,
 * no question text or personal data at info and above, and no secret at any level.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, isoTimestamps, REDACTED, withLogContext } from '../../src/logger';
import { adaptiveCardOf } from '../helpers/activities';
import { startIdentityProvider, type IdentityProvider } from '../helpers/auth';
import { startConnector, type Connector } from '../helpers/connector';
import { postActivity, startProductionService, teamsMessage, type ProductionService } from './service';

const REGISTRATION = { appId: 'aaaaaaaa-1111-2222-3333-bbbbbbbbbbbb', appPassword: 'pw-Zebrafink-9931', tenantId: 'tenant-log' };
/** A marker only the user's text contains: it must never show up at info level. */
const MARKER = 'Zitronenfalter';
const QUESTION = `Wie erreiche ich die LaKI telefonisch wegen ${MARKER}?`;
const USER_NAME = 'Erika Mustermann';
const INFO_AND_ABOVE = new Set(['info', 'warn', 'error', 'fatal']);

describe('Structured logs of a running service', () => {
  let idp: IdentityProvider;
  let connector: Connector;
  let service: ProductionService;
  let channelToken: string;
  let requestId: string | null;

  beforeAll(async () => {
    [idp, connector] = await Promise.all([startIdentityProvider(REGISTRATION), startConnector()]);
    service = await startProductionService({
      MicrosoftAppId: REGISTRATION.appId,
      MicrosoftAppPassword: REGISTRATION.appPassword,
      MicrosoftAppTenantId: REGISTRATION.tenantId,
      BOT_OPENID_METADATA_URL: idp.metadataUrl,
      BOT_LOGIN_URL: idp.loginUrl,
    });
    channelToken = idp.channelToken({ serviceUrl: connector.url });
    const turn = await postActivity(service.url, teamsMessage(connector.url, QUESTION, { tenantId: REGISTRATION.tenantId }), `Bearer ${channelToken}`);
    expect(turn.status).toBe(200);
    requestId = turn.headers.get('x-request-id');
    await connector.waitFor((request) => request.operation === 'reply' && adaptiveCardOf(request.body) !== undefined);
    expect((await fetch(`${service.url}/api/ask?q=${encodeURIComponent(QUESTION)}`)).status).toBe(200);
    // A refused request carries a token too.
    await postActivity(service.url, teamsMessage(connector.url, QUESTION), `Bearer ${idp.channelToken({ serviceUrl: connector.url, audience: 'other' })}`);
  });

  afterAll(async () => {
    await Promise.all([service.close(), connector.close(), idp.close()]);
  });

  it('should write no question text and no user name at info level or above', () => {
    const lines = service.logLines().filter((line) => INFO_AND_ABOVE.has(line.level));
    expect(lines.length).toBeGreaterThan(3);
    const leaking = lines.filter((line) => {
      const text = JSON.stringify(line);
      return text.includes(MARKER) || text.includes(USER_NAME);
    });
    expect(leaking).toEqual([]);
  });

  it('should never log the app password or any bearer token, at any level', () => {
    const text = service.logText();
    const botToken = idp.tokenRequests.find((request) => request.issued)?.issued;
    expect(botToken).toBeDefined();
    for (const secret of [REGISTRATION.appPassword, channelToken, botToken!]) expect(text).not.toContain(secret);
  });

  it('should tag every line of a bot turn with the request id and a turn id', () => {
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const matched = service.logLines().find((line) => line.msg === 'question matched' && line.requestId === requestId);
    expect(matched).toMatchObject({ level: 'info', outcome: expect.any(String), turnId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const access = service.logLines().find((line) => line.msg === 'request' && line.requestId === requestId);
    expect(access).toMatchObject({ level: 'info', method: 'POST', path: '/api/messages', status: 200, durationMs: expect.any(Number) });
  });

  it('should log the path of /api/ask without its query string', () => {
    const access = service.logLines().filter((line) => line.msg === 'request' && line.path === '/api/ask');
    expect(access).toHaveLength(1);
    expect(JSON.stringify(access[0])).not.toContain('telefonisch');
  });
});

describe('createLogger secret scrubbing', () => {
  function capture(): { logger: ReturnType<typeof createLogger>; text: () => string } {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        out += chunk.toString('utf8');
        callback();
      },
    });
    return { logger: createLogger('trace', sink), text: () => out };
  }

  it('should redact credentials by key, inside URLs and inside error messages', () => {
    const { logger, text } = capture();
    const error = new Error('Connection to smtps://laki:Mail-Secret-1@mail.example:465 failed');
    logger.error(
      {
        err: error,
        headers: { authorization: 'Bearer eyJ.header.sig', accept: 'application/json' },
        smtpUrl: 'smtps://laki:Mail-Secret-2@mail.example:465',
        settings: { MicrosoftAppPassword: 'App-Secret-3', clientSecret: 'Client-Secret-4', retries: 3 },
        target: 'https://user:Url-Secret-5@proxy.example/',
      },
      'sending via smtp://laki:Mail-Secret-6@mail.example failed',
    );
    const output = text();
    for (const secret of ['eyJ.header.sig', 'Mail-Secret-1', 'Mail-Secret-2', 'App-Secret-3', 'Client-Secret-4', 'Url-Secret-5', 'Mail-Secret-6']) {
      expect(output).not.toContain(secret);
    }
    const line = JSON.parse(output);
    expect(line.headers).toEqual({ authorization: REDACTED, accept: 'application/json' });
    expect(line.settings.retries).toBe(3);
    expect(line.err.type).toBe('Error');
    expect(line.err.message).toContain(`smtps://laki:${REDACTED}@mail.example:465`);
    expect(line.target).toBe(`https://user:${REDACTED}@proxy.example/`);
  });

  it('should write the context ids first and let the line\'s own field of the same name win', () => {
    const { logger, text } = capture();
    withLogContext({ requestId: 'outer', turnId: 'turn-1' }, () => logger.info({ status: 200, requestId: 'own' }, 'request'));
    logger.info({ status: 204 }, 'no context');
    const [inside, outside] = text().trim().split('\n').map((line) => JSON.parse(line));
    expect(Object.keys(inside).filter((key) => ['requestId', 'turnId', 'status'].includes(key))).toEqual(['requestId', 'turnId', 'status']);
    expect(inside).toMatchObject({ requestId: 'own', turnId: 'turn-1', status: 200 });
    expect(outside).not.toHaveProperty('requestId');
  });
});

describe('isoTimestamps', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([0, 7, 42, 999, 1000, 1_765_000_000_000, 1_765_000_000_099, 1_765_000_059_999, 4_102_444_799_999])(
    'should write the same time field as pino\'s isoTime at %p ms',
    (now) => {
      const timestamp = isoTimestamps();
      jest.spyOn(Date, 'now').mockReturnValue(now);
      expect(timestamp()).toBe(pino.stdTimeFunctions.isoTime());
    },
  );

  it('should follow the clock from one second into the next', () => {
    const timestamp = isoTimestamps();
    const clock = jest.spyOn(Date, 'now');
    for (const now of [1_765_000_000_998, 1_765_000_000_999, 1_765_000_001_000, 1_765_000_001_001, 1_765_000_000_500]) {
      clock.mockReturnValue(now);
      expect(timestamp()).toBe(`,"time":"${new Date(now).toISOString()}"`);
    }
  });
});
