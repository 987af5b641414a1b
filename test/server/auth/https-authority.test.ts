import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../dev/m365/identity/start-identity-server';
import { createTokenValidator } from '../../../server/auth/create-token-validator';
import { createTrustingFetch } from '../../../server/auth/create-trusting-fetch';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer({ https: true });
});
afterAll(() => identity.close());

const environments = [{ environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, admins: [] }];

describe('an identity server with a private certificate', () => {
  it('validates tokens when its certificate is trusted explicitly', async () => {
    const token = await fetchToken();
    const validate = createTokenValidator({ authority: identity.url, environments, fetch: createTrustingFetch(identity.certificate ?? '') });
    await expect(validate(`Bearer ${token}`)).resolves.toMatchObject({ objectId: demoIds.inigoObjectId, environment: 'contoso' });
  });

  it('does not trust it otherwise', async () => {
    const token = await fetchToken();
    const validate = createTokenValidator({ authority: identity.url, environments });
    await expect(validate(`Bearer ${token}`)).rejects.toThrow();
  });
});

/** A token as the server issues it; signed directly, since Node's fetch would not trust the server either. */
function fetchToken() {
  const now = Math.floor(Date.now() / 1000);
  return identity.signAccessToken({
    ver: '2.0', iss: `${identity.url}/${demoIds.contosoTenantId}/v2.0`, aud: demoIds.bridgeClientId, tid: demoIds.contosoTenantId,
    oid: demoIds.inigoObjectId, sub: 'inigo', preferred_username: 'inigo.urrutia@contosoiberica.onmicrosoft.com', name: 'Íñigo Urrutia Peña',
    scp: 'access_as_user', azp: demoIds.bridgeClientId, iat: now, nbf: now, exp: now + 600,
  });
}
