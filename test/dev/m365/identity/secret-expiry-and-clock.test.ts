import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';
import { accessTokenOf, requestToken } from './support/request-token';

const clock = new Date('2026-06-01T10:00:00Z');
let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer({ now: () => clock });
});
afterAll(() => identity.close());

const appOnly = () =>
  requestToken(identity, demoIds.fabrikamTenantId, {
    grant_type: 'client_credentials', client_id: demoIds.fabrikamBridgeClientId, client_secret: demoIds.fabrikamBridgeClientSecret,
    scope: 'https://graph.microsoft.com/.default',
  });
const fabrikamApp = () => identity.directory.applications.find((app) => app.clientId === demoIds.fabrikamBridgeClientId)!;

describe('client secrets with an end date', () => {
  it('accepts a secret until its end date', async () => {
    fabrikamApp().secretEndDateTimes = { [demoIds.fabrikamBridgeClientSecret]: '2026-06-01T10:00:01Z' };
    expect(accessTokenOf(await appOnly())).toMatch(/^ey/);
  });

  it('refuses an expired secret with invalid_client and AADSTS7000222, as Entra does', async () => {
    fabrikamApp().secretEndDateTimes = { [demoIds.fabrikamBridgeClientSecret]: '2026-06-01T10:00:00Z' };
    const answer = await appOnly();
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'invalid_client', error_codes: [7000222] });
    expect(String(answer.body.error_description)).toMatch(
      new RegExp(`^AADSTS7000222: The provided client secret keys for app '${demoIds.fabrikamBridgeClientId}' are expired\\. Visit the Azure portal to create new keys for your app: https://aka\\.ms/NewClientSecret`),
    );
  });
});

describe('the server clock', () => {
  it('dates every answer with its own clock, so a client can measure skew', async () => {
    const response = await fetch(`${identity.url}/${demoIds.fabrikamTenantId}/v2.0/.well-known/openid-configuration`);
    expect(response.headers.get('date')).toBe('Mon, 01 Jun 2026 10:00:00 GMT');
  });
});
