import { describe, expect, it } from 'vitest';
import { createConsentAdminRoutes } from '../../../../dev/m365/identity/create-consent-admin-routes';
import { demoDirectoryAt, demoIds } from '../../../../dev/m365/identity/demo-directory';
import { findConsentedPermissions } from '../../../../dev/m365/identity/find-consented-permissions';
import { microsoftGraphResource } from '../../../../dev/m365/identity/microsoft-graph-resource';

describe('the identity server’s back door for consents', () => {
  it('takes back the tenant’s and each user’s consent of one client to one resource, and nothing else', async () => {
    const directory = demoDirectoryAt('localhost:3000');
    const inigo = { tenantId: demoIds.contosoTenantId, clientId: demoIds.bridgeClientId, userObjectId: demoIds.inigoObjectId };
    expect(findConsentedPermissions(directory, { ...inigo, resourceAppId: microsoftGraphResource.appId }).scopes).toContain('Contacts.ReadWrite');

    const query = new URLSearchParams({ tenantId: demoIds.contosoTenantId, clientId: demoIds.bridgeClientId, resourceAppId: microsoftGraphResource.appId });
    const response = await createConsentAdminRoutes(directory).request(`/_admin/consents?${query.toString()}`, { method: 'DELETE' });

    expect(await response.json()).toEqual({ removed: 1 });
    expect(findConsentedPermissions(directory, { ...inigo, resourceAppId: microsoftGraphResource.appId }).scopes).toEqual([]);
    // The bridge's own API and the other tenant keep theirs.
    expect(findConsentedPermissions(directory, { ...inigo, resourceAppId: demoIds.bridgeClientId }).scopes).toEqual(['access_as_user']);
    expect(findConsentedPermissions(directory, { tenantId: demoIds.fabrikamTenantId, clientId: demoIds.fabrikamBridgeClientId, resourceAppId: microsoftGraphResource.appId }).roles).not.toEqual([]);
  });

  it('refuses a request that does not name the tenant, client and resource', async () => {
    const directory = demoDirectoryAt('localhost:3000');
    const response = await createConsentAdminRoutes(directory).request('/_admin/consents?tenantId=x', { method: 'DELETE' });
    expect(response.status).toBe(400);
    expect(directory.consents).toEqual(demoDirectoryAt('localhost:3000').consents);
  });
});
