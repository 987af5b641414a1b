import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';
import { requestToken } from './support/request-token';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer();
});
afterAll(() => identity.close());

const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

describe('the token endpoint under odd requests', () => {
  it('answers every form with a token or an Entra error body, never a server error', async () => {
    const form = fc.record({
      grant_type: maybe(fc.constantFrom('client_credentials', 'password', 'refresh_token', 'urn:ietf:params:oauth:grant-type:jwt-bearer', 'implicit', '')),
      client_id: maybe(fc.oneof(fc.constantFrom(demoIds.bridgeClientId, demoIds.fabrikamBridgeClientId), fc.string())),
      client_secret: maybe(fc.oneof(fc.constant(demoIds.bridgeClientSecret), fc.string())),
      scope: maybe(fc.oneof(fc.constantFrom('https://graph.microsoft.com/.default', 'User.Read offline_access openid', `api://localhost:3000/${demoIds.bridgeClientId}/access_as_user`), fc.string())),
      username: maybe(fc.oneof(fc.constant('lucia.martinez@contosoiberica.onmicrosoft.com'), fc.string())),
      password: maybe(fc.oneof(fc.constant(demoIds.password), fc.string())),
      assertion: maybe(fc.string()),
      requested_token_use: maybe(fc.constantFrom('on_behalf_of', 'other')),
      refresh_token: maybe(fc.string()),
    });
    const tenant = fc.constantFrom(demoIds.contosoTenantId, 'common', 'organizations', 'contosoiberica.onmicrosoft.com', 'nowhere');

    await fc.assert(
      fc.asyncProperty(tenant, form, async (tenantSegment, fields) => {
        const defined = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
        const { status, body } = await requestToken(identity, encodeURIComponent(tenantSegment), defined);

        if (status === 200) {
          expect(body.access_token).toEqual(expect.any(String));
        } else {
          expect([400, 401]).toContain(status);
          expect(body).toMatchObject({ error: expect.any(String), error_codes: [expect.any(Number)] });
        }
      }),
      { numRuns: 150 },
    );
  });
});
