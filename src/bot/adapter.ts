import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/** Error messages of {@link createAdapter}. */
export const AdapterErrors = {
  partialCredentials: 'Bot credentials are incomplete: set both the app id and the app password, or neither for local mode.',
  tokenRequestFailed: (status: number) => `The login endpoint answered the bot's token request with HTTP ${status}.`,
  tokenResponseInvalid: 'The login endpoint answered the bot\'s token request without an access token.',
} as const;

/** Bot Framework credentials; all absent means local, unauthenticated mode. */
export interface AdapterCredentials {
  readonly appId?: string;
  readonly appPassword?: string;
  /** Entra tenant for a single-tenant bot registration. */
  readonly tenantId?: string;
}

/**
 * Endpoints that replace the Bot Framework public cloud's, for tests (a local OpenID/JWKS and
 * token server) and sovereign clouds. Each unset field keeps the public-cloud value.
 */
export interface AdapterEndpoints {
  /** OpenID metadata whose `jwks_uri` holds the keys that sign the channel's tokens. */
  readonly openIdMetadataUrl?: string;
  /** Expected `iss` of the channel's tokens. */
  readonly tokenIssuer?: string;
  /** Authority (with tenant) the bot gets its own tokens from: `<loginUrl>/oauth2/v2.0/token`. */
  readonly loginUrl?: string;
  /** Audience of the bot's outgoing tokens. */
  readonly oauthScope?: string;
}

/** The Bot Framework public cloud (botframework-connector's AuthenticationConstants). */
export const PUBLIC_CLOUD = Object.freeze({
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  emulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  tokenIssuer: 'https://api.botframework.com',
  loginUrl: 'https://login.microsoftonline.com/botframework.com',
  loginUrlPrefix: 'https://login.microsoftonline.com/',
  oauthScope: 'https://api.botframework.com',
  oauthUrl: 'https://api.botframework.com',
  callerId: 'urn:botframework:azure',
});

/**
 * teams-ai's adapter with botbuilder's activity entry point made public, so the HTTP route can
 * answer authentication failures itself (a 401 with a JSON reason) instead of through
 * `CloudAdapter.process`, which turns a forged signature into a 500 and writes plain text.
 */
export class BotAdapter extends TeamsAdapter {
  /**
   * Validates `authHeader` (unless in local mode), then runs `logic` for `activity`. Throws
   * before `logic` runs when the token is missing or invalid. Resolves with the invoke response.
   */
  handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * The adapter that turns `/api/messages` requests into turns.
 *
 * Without an app id and password the Bot Framework authentication accepts unauthenticated
 * requests and makes no network call of its own, so the bot runs against the Agents Playground
 * or a test's local connector. With them, every request must carry a channel token signed by a
 * key from the OpenID metadata, issued by the channel and addressed to this app id, and replies
 * carry the bot's own token; a tenant id makes it a single-tenant registration. Only one of id
 * and password is an error. `endpoints` moves the validation and token endpoints elsewhere.
 */
export function createAdapter(credentials: AdapterCredentials = {}, endpoints: AdapterEndpoints = {}): BotAdapter {
  const { appId, appPassword, tenantId } = credentials;
  if (!appId && !appPassword) return new BotAdapter({});
  if (!appId || !appPassword) throw new Error(AdapterErrors.partialCredentials);
  const settings = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(tenantId ? { MicrosoftAppTenantId: tenantId } : {}),
  };
  if (Object.values(endpoints).every((value) => value === undefined)) return new BotAdapter(settings);

  // botbuilder switches to "parameterized" authentication as soon as one endpoint is given and
  // then expects all of them, so the public-cloud values fill the gaps.
  const openIdMetadataUrl = endpoints.openIdMetadataUrl ?? PUBLIC_CLOUD.openIdMetadataUrl;
  return new BotAdapter(
    {
      ...settings,
      ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
      // Emulator-style tokens are checked against the same keys, so nothing reaches out elsewhere.
      ToBotFromEmulatorOpenIdMetadataUrl: endpoints.openIdMetadataUrl ?? PUBLIC_CLOUD.emulatorOpenIdMetadataUrl,
      ToBotFromChannelTokenIssuer: endpoints.tokenIssuer ?? PUBLIC_CLOUD.tokenIssuer,
      ToChannelFromBotLoginUrl: endpoints.loginUrl ?? PUBLIC_CLOUD.loginUrl,
      ToChannelFromBotOAuthScope: endpoints.oauthScope ?? PUBLIC_CLOUD.oauthScope,
      OAuthUrl: PUBLIC_CLOUD.oauthUrl,
      CallerId: PUBLIC_CLOUD.callerId,
      ValidateAuthority: true,
    },
    new LoginUrlCredentialsFactory(settings),
  );
}

/** What botbuilder's connector client calls to authorise an outgoing request. */
interface SignableRequest {
  headers: { set(name: string, value: string): void };
}

/**
 * botbuilder's credential factory, except that a login URL outside Microsoft's public cloud gets
 * a plain OAuth 2.0 client-credentials request (botbuilder would hand it to MSAL, which insists on
 * HTTPS and on Microsoft's instance discovery, and so cannot reach a private or local authority).
 */
class LoginUrlCredentialsFactory extends ConfigurationServiceClientCredentialFactory {
  /** botbuilder asks for credentials on every turn; the token is shared until it expires. */
  private readonly tokens = new Map<string, ClientCredentialsToken>();

  constructor(private readonly settings: { MicrosoftAppId: string; MicrosoftAppPassword: string }) {
    super(settings);
  }

  override async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string, validateAuthority: boolean) {
    if (loginEndpoint.toLowerCase().startsWith(PUBLIC_CLOUD.loginUrlPrefix)) {
      return super.createCredentials(appId, audience as string, loginEndpoint, validateAuthority);
    }
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    const tokenUrl = `${loginEndpoint.replace(/\/+$/, '')}/oauth2/v2.0/token`;
    const scope = `${audience ?? PUBLIC_CLOUD.oauthScope}/.default`;
    const key = `${tokenUrl} ${scope}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = new ClientCredentialsToken(tokenUrl, this.settings.MicrosoftAppId, this.settings.MicrosoftAppPassword, scope);
      this.tokens.set(key, token);
    }
    return token;
  }
}

/** A bot token from an OAuth 2.0 token endpoint, cached until five minutes before it expires. */
class ClientCredentialsToken {
  private cached?: { token: string; refreshAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly tokenUrl: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly scope: string,
  ) {}

  async signRequest<T extends SignableRequest>(request: T): Promise<T> {
    request.headers.set('authorization', `Bearer ${await this.token()}`);
    return request;
  }

  private token(): Promise<string> {
    if (this.cached && this.cached.refreshAt > Date.now()) return Promise.resolve(this.cached.token);
    // Concurrent turns share one token request.
    this.pending ??= this.requestToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async requestToken(): Promise<string> {
    const response = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.clientId,
        client_secret: this.clientSecret,
        scope: this.scope,
      }),
    });
    if (!response.ok) throw new Error(AdapterErrors.tokenRequestFailed(response.status));
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') throw new Error(AdapterErrors.tokenResponseInvalid);
    const lifetimeSeconds = Number(body.expires_in) || 3600;
    this.cached = { token: body.access_token, refreshAt: Date.now() + Math.max(0, lifetimeSeconds - 300) * 1000 };
    return body.access_token;
  }
}
