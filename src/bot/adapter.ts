import { TeamsAdapter } from '@microsoft/teams-ai';

/** Error messages of {@link createAdapter}. */
export const AdapterErrors = {
  partialCredentials: 'Bot credentials are incomplete: set both the app id and the app password, or neither for local mode.',
} as const;

/** Bot Framework credentials; all absent means local, unauthenticated mode. */
export interface AdapterCredentials {
  readonly appId?: string;
  readonly appPassword?: string;
  /** Entra tenant for a single-tenant bot registration. */
  readonly tenantId?: string;
}

/**
 * The adapter that turns `/api/messages` requests into turns.
 *
 * Without an app id and password the Bot Framework authentication accepts unauthenticated
 * requests and makes no network call of its own, so the bot runs against the Agents Playground
 * or a test's local connector. With them, requests are validated and replies are authenticated;
 * a tenant id makes it a single-tenant registration. Only one of id and password is an error.
 */
export function createAdapter(credentials: AdapterCredentials = {}): TeamsAdapter {
  const { appId, appPassword, tenantId } = credentials;
  if (!appId && !appPassword) return new TeamsAdapter({});
  if (!appId || !appPassword) throw new Error(AdapterErrors.partialCredentials);
  return new TeamsAdapter({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(tenantId ? { MicrosoftAppTenantId: tenantId } : {}),
  });
}
