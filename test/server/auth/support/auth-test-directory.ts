import { demoDirectory, demoIds } from '../../../../dev/m365/identity/demo-directory';
import type { IdentityDirectory } from '../../../../dev/m365/identity/identity-directory';

/** Ids the token validation tests add to the demo directory. */
export const testIds = {
  /** Another API registered in Contoso: its tokens must not open the bridge. */
  reportsClientId: 'c0ffee00-1234-4abc-8def-0123456789ab',
  /** A tenant that consented to the bridge app but has no environment in the bridge. */
  andinaTenantId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  sofiaObjectId: '5a4b3c2d-5555-4e6f-8a7b-9c0d1e2f3a4b',
} as const;

/** The demo directory plus another API, a tenant the bridge does not serve, and an app role granted to the bridge itself. */
export const authTestDirectory: IdentityDirectory = {
  tenants: [...demoDirectory.tenants, { id: testIds.andinaTenantId, displayName: 'Compañía Andina', domains: ['companiaandina.onmicrosoft.com'] }],
  applications: [
    ...demoDirectory.applications,
    {
      clientId: testIds.reportsClientId,
      displayName: 'ERP Reports',
      homeTenantId: demoIds.contosoTenantId,
      clientSecrets: [],
      allowPublicClientFlows: true,
      identifierUri: `api://localhost:4000/${testIds.reportsClientId}`,
      exposedScopes: ['access_as_user'],
      appRoles: [],
      redirectUris: [],
      requiredResourceAccess: [],
    },
  ],
  users: [
    ...demoDirectory.users,
    {
      tenantId: testIds.andinaTenantId,
      objectId: testIds.sofiaObjectId,
      userPrincipalName: 'sofia.quispe@companiaandina.onmicrosoft.com',
      displayName: 'Sofía Quispe Mamani',
      password: demoIds.password,
      appRoleAssignments: [],
    },
  ],
  consents: [
    ...demoDirectory.consents,
    { tenantId: demoIds.contosoTenantId, clientId: testIds.reportsClientId, resourceAppId: testIds.reportsClientId, scopes: ['access_as_user'], roles: [] },
    { tenantId: testIds.andinaTenantId, clientId: demoIds.bridgeClientId, resourceAppId: demoIds.bridgeClientId, scopes: ['access_as_user'], roles: [] },
    // A daemon holding Bridge.Admin as an application permission: its app-only token has roles and no scp.
    { tenantId: demoIds.contosoTenantId, clientId: demoIds.bridgeClientId, resourceAppId: demoIds.bridgeClientId, scopes: [], roles: ['Bridge.Admin'] },
  ],
};
