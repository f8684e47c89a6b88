import { TeamsAdapter } from '@microsoft/teams-ai';
import { AdapterErrors, createAdapter } from '../../src/bot/adapter';

describe('createAdapter', () => {
  it('should create a local-mode adapter without credentials', () => {
    const adapter = createAdapter({});
    expect(adapter).toBeInstanceOf(TeamsAdapter);
    expect(adapter.botFrameworkAuthConfig).toEqual({});
  });

  it.each([
    [{ appId: 'id', appPassword: 'secret' }, { MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' }],
    [
      { appId: 'id', appPassword: 'secret', tenantId: 'tenant' },
      { MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant' },
    ],
  ])('should configure Bot Framework authentication from %p', (credentials, expected) => {
    expect(createAdapter(credentials).botFrameworkAuthConfig).toEqual(expected);
  });

  it.each([[{ appId: 'id' }], [{ appPassword: 'secret' }]])('should refuse incomplete credentials %p', (credentials) => {
    expect(() => createAdapter(credentials)).toThrow(AdapterErrors.partialCredentials);
  });
});
