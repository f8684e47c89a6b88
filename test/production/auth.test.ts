/**
 * Bot Framework authentication without Microsoft's cloud: a local OpenID metadata + JWKS +
 * token endpoint (test/helpers/auth.ts) stands in for the Bot Framework and Entra, a local
 * connector for Teams. The service is configured exactly as in production, plus the two
 * endpoint overrides (BOT_OPENID_METADATA_URL, BOT_LOGIN_URL).
 */
import { ErrorCode, ErrorMessage } from '../../src/server';
import { ServerMessages } from '../../src/server/messages';
import { adaptiveCardOf } from '../helpers/activities';
import { foreignSigningKey, startIdentityProvider, type IdentityProvider } from '../helpers/auth';
import { startConnector, type Connector } from '../helpers/connector';
import { postActivity, startProductionService, teamsMessage, type ProductionService } from './service';

const REGISTRATION = {
  appId: '11111111-2222-3333-4444-555555555555',
  appPassword: 'local-test-client-secret',
  tenantId: 'tenant-home',
};
const QUESTION = 'Wie erreiche ich die LaKI telefonisch?';

function envFor(idp: IdentityProvider, extra: Record<string, string> = {}): Record<string, string> {
  return {
    MicrosoftAppId: REGISTRATION.appId,
    MicrosoftAppPassword: REGISTRATION.appPassword,
    MicrosoftAppTenantId: REGISTRATION.tenantId,
    BOT_OPENID_METADATA_URL: idp.metadataUrl,
    BOT_LOGIN_URL: idp.loginUrl,
    LOG_LEVEL: 'debug',
    ...extra,
  };
}

/** Waits a little so a (wrongly) started turn would have reached the connector. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('Bot Framework authentication on /api/messages', () => {
  let idp: IdentityProvider;
  let connector: Connector;
  let service: ProductionService;

  beforeAll(async () => {
    [idp, connector] = await Promise.all([startIdentityProvider(REGISTRATION), startConnector()]);
    service = await startProductionService(envFor(idp));
  });

  afterAll(async () => {
    await Promise.all([service.close(), connector.close(), idp.close()]);
  });

  beforeEach(() => connector.reset());

  it('should accept a valid channel token and reply with the bot token from the local token endpoint', async () => {
    const activity = teamsMessage(connector.url, QUESTION);
    const token = idp.channelToken({ serviceUrl: connector.url });

    const response = await postActivity(service.url, activity, `Bearer ${token}`);
    expect(response.status).toBe(200);

    const reply = await connector.waitFor((request) => request.operation === 'reply' && adaptiveCardOf(request.body) !== undefined);
    const issued = idp.tokenRequests.map((request) => request.issued).filter(Boolean);
    expect(issued).toHaveLength(1);
    expect(reply.headers.authorization).toBe(`Bearer ${issued[0]}`);
    expect(connector.requests.every((request) => request.headers.authorization === `Bearer ${issued[0]}`)).toBe(true);
    expect(idp.tokenRequests[0]).toMatchObject({
      path: `/${REGISTRATION.tenantId}/oauth2/v2.0/token`,
      form: {
        grant_type: 'client_credentials',
        client_id: REGISTRATION.appId,
        client_secret: REGISTRATION.appPassword,
        scope: 'https://api.botframework.com/.default',
      },
    });
    expect(service.storedRows().questions).toBe(1);
  });

  it('should reuse the bot token for the next turn instead of asking the token endpoint again', async () => {
    const before = idp.tokenRequests.length;
    const response = await postActivity(
      service.url,
      teamsMessage(connector.url, QUESTION),
      `Bearer ${idp.channelToken({ serviceUrl: connector.url })}`,
    );
    expect(response.status).toBe(200);
    await connector.waitFor((request) => request.operation === 'reply' && adaptiveCardOf(request.body) !== undefined);
    expect(idp.tokenRequests.length).toBe(before);
    expect(idp.fetches.keys).toBe(1);
  });

  const refused: Array<[string, (serviceUrl: string) => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['an empty bearer token', () => 'Bearer '],
    ['a token that is not a JWT', () => 'Bearer not-a-jwt'],
    ['an expired token', (serviceUrl) => `Bearer ${idp.channelToken({ serviceUrl, expiresInSeconds: -3600 })}`],
    ['a token for another bot (wrong audience)', (serviceUrl) => `Bearer ${idp.channelToken({ serviceUrl, audience: 'another-bot-app-id' })}`],
    ['a token from another issuer', (serviceUrl) => `Bearer ${idp.channelToken({ serviceUrl, issuer: 'https://sts.attacker.example' })}`],
    ['a token signed by another key under the published key id', (serviceUrl) => `Bearer ${idp.channelToken({ serviceUrl, signingKey: foreignSigningKey() })}`],
    ['a token signed by an unknown key', (serviceUrl) => `Bearer ${idp.channelToken({ serviceUrl, signingKey: foreignSigningKey(), keyId: 'unknown-key' })}`],
    ['a token issued for another service URL', () => `Bearer ${idp.channelToken({ serviceUrl: 'https://smba.attacker.example/' })}`],
    ['a valid token under the Basic scheme', (serviceUrl) => `Basic ${idp.channelToken({ serviceUrl })}`],
  ];

  it.each(refused)('should refuse %s with 401, run no turn and store nothing', async (_name, authorization) => {
    const stored = service.storedRows();
    const response = await postActivity(service.url, teamsMessage(connector.url, QUESTION), authorization(connector.url));

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: ErrorCode.Unauthorized, message: ErrorMessage.unauthorized } });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    await settle();
    expect(connector.requests).toEqual([]);
    expect(service.storedRows()).toEqual(stored);
  });

  it('should refuse a card action (invoke) without a valid token with 401', async () => {
    const invoke = teamsMessage(connector.url, '', {
      type: 'invoke',
      extra: { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'helpful', data: {} } } },
    });
    const response = await postActivity(service.url, invoke, `Bearer ${idp.channelToken({ serviceUrl: connector.url, audience: 'x' })}`);
    expect(response.status).toBe(401);
    await settle();
    expect(connector.requests).toEqual([]);
  });

  it('should log the refusal with its reason but never the token', async () => {
    const token = idp.channelToken({ serviceUrl: connector.url, expiresInSeconds: -3600 });
    await postActivity(service.url, teamsMessage(connector.url, QUESTION), `Bearer ${token}`);
    const refusal = service.logLines().filter((line) => line.msg === 'activity refused: authentication failed').at(-1);
    expect(refusal).toMatchObject({ level: 'warn', hasToken: true, activityType: 'message', turnId: expect.any(String) });
    expect(refusal?.reason).toMatch(/expired/i);
    expect(service.logText()).not.toContain(token);
    expect(service.logText()).not.toContain(REGISTRATION.appPassword);
  });
});

describe('Tenant restriction (TEAMS_TENANT_ID)', () => {
  let idp: IdentityProvider;
  let connector: Connector;
  let service: ProductionService;

  beforeAll(async () => {
    [idp, connector] = await Promise.all([startIdentityProvider(REGISTRATION), startConnector()]);
    service = await startProductionService(envFor(idp, { TEAMS_TENANT_ID: 'TENANT-HOME' }));
  });

  afterAll(async () => {
    await Promise.all([service.close(), connector.close(), idp.close()]);
  });

  beforeEach(() => connector.reset());

  const bearer = () => `Bearer ${idp.channelToken({ serviceUrl: connector.url })}`;

  it('should answer users of the configured tenant (tenant ids compare case-insensitively)', async () => {
    const response = await postActivity(service.url, teamsMessage(connector.url, QUESTION, { tenantId: 'tenant-home' }), bearer());
    expect(response.status).toBe(200);
    await connector.waitFor((request) => request.operation === 'reply' && adaptiveCardOf(request.body) !== undefined);
  });

  it('should tell a user of another tenant politely in German and process nothing', async () => {
    const stored = service.storedRows();
    const matched = () => service.logLines().filter((line) => line.msg === 'question matched').length;
    const matchedBefore = matched();
    const response = await postActivity(service.url, teamsMessage(connector.url, QUESTION, { tenantId: 'tenant-elsewhere' }), bearer());
    expect(response.status).toBe(200);
    const reply = await connector.waitFor((request) => request.operation === 'reply');
    expect(reply.body.text).toBe(ServerMessages.foreignTenant);
    await settle();
    expect(connector.requests).toHaveLength(1);
    expect(service.storedRows()).toEqual(stored);
    expect(matched()).toBe(matchedBefore);
    expect(service.logLines().at(-1)).toMatchObject({ msg: 'request', status: 200 });
    expect(service.logLines().some((line) => line.msg === 'activity refused: foreign tenant' && line.tenantIds?.[0] === 'tenant-elsewhere')).toBe(true);
  });

  it('should refuse a message whose conversation and channel data name different tenants', async () => {
    const activity = teamsMessage(connector.url, QUESTION, { tenantId: 'tenant-home' });
    activity.channelData = { tenant: { id: 'tenant-elsewhere' } };
    const response = await postActivity(service.url, activity, bearer());
    expect(response.status).toBe(200);
    const reply = await connector.waitFor((request) => request.operation === 'reply');
    expect(reply.body.text).toBe(ServerMessages.foreignTenant);
  });

  it.each([
    ['a card action (invoke)', { type: 'invoke', extra: { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'x' } } } }],
    ['an installation (conversationUpdate)', { type: 'conversationUpdate', extra: { membersAdded: [{ id: 'bot-1' }] } }],
  ])('should answer %s from another tenant with 403 and send nothing', async (_name, options) => {
    const stored = service.storedRows();
    const response = await postActivity(
      service.url,
      teamsMessage(connector.url, '', { tenantId: 'tenant-elsewhere', ...options }),
      bearer(),
    );
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: { code: ErrorCode.ForeignTenant, message: ErrorMessage.foreignTenant } });
    await settle();
    expect(connector.requests).toEqual([]);
    expect(service.storedRows()).toEqual(stored);
  });
});
