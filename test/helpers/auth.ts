/**
 * A local stand-in for Microsoft's identity services, so authentication is tested offline:
 *
 * - the Bot Framework channel's OpenID metadata (`/openid-configuration`) and its JWKS (`/keys`,
 *   with `endorsements: ['msteams']` like the real one), whose RSA key signs the channel tokens
 *   {@link IdentityProvider.channelToken} makes;
 * - an Entra token endpoint (`POST /{tenant}/oauth2/v2.0/token`, client-credentials grant) that
 *   hands the bot its own token for calls to the connector, and records each request.
 *
 * Point the service at it with `BOT_OPENID_METADATA_URL = idp.metadataUrl` and
 * `BOT_LOGIN_URL = idp.loginUrl`. Binds 127.0.0.1 on a free port.
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** The issuer of real Bot Framework channel tokens; the service expects it by default. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** The bot registration the provider knows. */
export interface BotRegistration {
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
}

/** One client-credentials request the token endpoint received. */
export interface TokenRequest {
  readonly path: string;
  readonly form: Readonly<Record<string, string>>;
  /** The access token handed out, or `undefined` when the client was refused. */
  readonly issued?: string;
}

/** What a channel token says; every field has a valid default. */
export interface ChannelTokenOptions {
  /** `serviceurl` claim: must equal the activity's `serviceUrl`. */
  readonly serviceUrl: string;
  readonly audience?: string;
  readonly issuer?: string;
  /** Seconds from now; negative for an expired token. Default 3600. */
  readonly expiresInSeconds?: number;
  /** Sign with this key instead of the published one (a forged token). */
  readonly signingKey?: KeyObject;
  /** `kid` header; default the published key's id. */
  readonly keyId?: string;
}

/** A running provider. */
export interface IdentityProvider {
  /** For `BOT_OPENID_METADATA_URL`. */
  readonly metadataUrl: string;
  /** For `BOT_LOGIN_URL`: the authority including the tenant. */
  readonly loginUrl: string;
  /** Every token request, in order. */
  readonly tokenRequests: readonly TokenRequest[];
  /** How often the OpenID metadata and the keys were fetched. */
  readonly fetches: { metadata: number; keys: number };
  /** A channel token as the Bot Framework service would send it to the bot. */
  channelToken(options: ChannelTokenOptions): string;
  close(): Promise<void>;
}

/** An RSA key the provider does not publish, for forged tokens. */
export function foreignSigningKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/** Starts the provider for `registration` on 127.0.0.1 with a free port. */
export async function startIdentityProvider(registration: BotRegistration): Promise<IdentityProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = `test-key-${randomUUID()}`;
  const jwk = publicKey.export({ format: 'jwk' });
  const tokenRequests: TokenRequest[] = [];
  const fetches = { metadata: 0, keys: 0 };
  let base = '';

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/openid-configuration') {
      fetches.metadata += 1;
      return sendJson(res, 200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${base}/authorize`,
        jwks_uri: `${base}/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (req.method === 'GET' && path === '/keys') {
      fetches.keys += 1;
      return sendJson(res, 200, { keys: [{ kty: 'RSA', use: 'sig', kid: keyId, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
    }
    if (req.method === 'POST' && path === `/${registration.tenantId}/oauth2/v2.0/token`) {
      return void readForm(req).then((form) => {
        const valid =
          form.grant_type === 'client_credentials' &&
          form.client_id === registration.appId &&
          form.client_secret === registration.appPassword;
        if (!valid) {
          tokenRequests.push({ path, form });
          return sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
        }
        const issued = jwt.sign({ appid: registration.appId, tid: registration.tenantId, scp: form.scope }, privateKey, {
          algorithm: 'RS256',
          keyid: keyId,
          issuer: `${base}/${registration.tenantId}/v2.0`,
          audience: form.scope?.replace(/\/\.default$/, ''),
          expiresIn: 3600,
        });
        tokenRequests.push({ path, form, issued });
        sendJson(res, 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: issued });
      });
    }
    sendJson(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/openid-configuration`,
    loginUrl: `${base}/${registration.tenantId}`,
    tokenRequests,
    fetches,
    channelToken(options) {
      return jwt.sign({ serviceurl: options.serviceUrl }, options.signingKey ?? privateKey, {
        algorithm: 'RS256',
        keyid: options.keyId ?? keyId,
        issuer: options.issuer ?? BOT_FRAMEWORK_ISSUER,
        audience: options.audience ?? registration.appId,
        expiresIn: options.expiresInSeconds ?? 3600,
        notBefore: -60,
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))));
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}
