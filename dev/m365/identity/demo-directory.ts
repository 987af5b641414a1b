import type { IdentityDirectory } from './identity-directory';
import { microsoftGraphResource } from './microsoft-graph-resource';

const graph = microsoftGraphResource.appId;

/** Ids and secrets of the demo directory, for `dev/start.ts`, tests and the bridge's dev config. */
export const demoIds = {
  contosoTenantId: '7c1f4e2a-3b5d-4c6e-9f80-a1b2c3d4e5f6',
  fabrikamTenantId: '2d8e6b4c-1a3f-4e5d-8c7b-0f9e8d7c6b5a',
  /** Multi-tenant bridge registration, home in Contoso, used in delegated mode (a3ERP). */
  bridgeClientId: 'b7e1c0de-4a2f-4c3b-9d1e-5f6a7b8c9d0e',
  bridgeClientSecret: 'contoso-demo-secret',
  /** Fabrikam's own registration, used app-only against Graph (Prextra). */
  fabrikamBridgeClientId: 'f4b2c1d0-6e5a-4b3c-8d2e-1f0a9b8c7d6e',
  fabrikamBridgeClientSecret: 'fabrikam-demo-secret',
  /** Contoso admin through the `Bridge.Admin` app role. */
  luciaObjectId: '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b',
  inigoObjectId: '0a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a5b',
  /** Fabrikam admin through the `Bridge.Admin` app role of Fabrikam's own registration. */
  amelieObjectId: '1b2c3d4e-3333-4f5a-9b0c-1d2e3f4a5b6c',
  /** Has never consented to Graph: on-behalf-of answers `consent_required`. */
  francoisObjectId: '1b2c3d4e-4444-4f5a-9b0c-1d2e3f4a5b6c',
  password: 'demo-password',
} as const;

const delegatedGraphScopes = ['User.Read', 'Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite', 'Mail.Read'];
const applicationGraphRoles = ['Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite.All'];

/** Two tenants, the bridge's registrations and a few users, enough for `npm start` and the tests. */
/**
 * The demo tenants, with the bridge's two app registrations exposing their API at `bridgeHost`
 * (`api://<host>/<appId>`, as Office SSO names an add-in's API), so `npm start` on another port
 * gets scopes for that port.
 * @example const directory = demoDirectoryAt('localhost:4000');
 */
export const demoDirectoryAt = (bridgeHost: string): IdentityDirectory => ({
  tenants: [
    { id: demoIds.contosoTenantId, displayName: 'Contoso Ibérica', domains: ['contosoiberica.onmicrosoft.com'] },
    { id: demoIds.fabrikamTenantId, displayName: 'Fabrikam France', domains: ['fabrikamfrance.onmicrosoft.com'] },
  ],
  applications: [
    {
      clientId: demoIds.bridgeClientId,
      displayName: 'ERP Bridge for Outlook',
      homeTenantId: demoIds.contosoTenantId,
      clientSecrets: [demoIds.bridgeClientSecret],
      // The Outlook host stand-in signs users in with ROPC from the browser, without a secret.
      allowPublicClientFlows: true,
      identifierUri: `api://${bridgeHost}/${demoIds.bridgeClientId}`,
      exposedScopes: ['access_as_user'],
      appRoles: ['Bridge.Admin'],
      redirectUris: [`https://${bridgeHost}/taskpane.html`, `brk-multihub://${bridgeHost}`],
      requiredResourceAccess: [{ resourceAppId: graph, scopes: [...delegatedGraphScopes, 'offline_access'], roles: [] }],
    },
    {
      clientId: demoIds.fabrikamBridgeClientId,
      displayName: 'ERP Bridge for Outlook (Fabrikam)',
      homeTenantId: demoIds.fabrikamTenantId,
      clientSecrets: [demoIds.fabrikamBridgeClientSecret],
      allowPublicClientFlows: true,
      identifierUri: `api://${bridgeHost}/${demoIds.fabrikamBridgeClientId}`,
      exposedScopes: ['access_as_user'],
      appRoles: ['Bridge.Admin'],
      redirectUris: [`https://${bridgeHost}/taskpane.html`, `brk-multihub://${bridgeHost}`],
      requiredResourceAccess: [{ resourceAppId: graph, scopes: ['User.Read'], roles: applicationGraphRoles }],
    },
  ],
  users: [
    {
      tenantId: demoIds.contosoTenantId,
      objectId: demoIds.luciaObjectId,
      userPrincipalName: 'lucia.martinez@contosoiberica.onmicrosoft.com',
      displayName: 'Lucía Martínez García',
      password: demoIds.password,
      appRoleAssignments: [{ resourceAppId: demoIds.bridgeClientId, role: 'Bridge.Admin' }],
    },
    {
      tenantId: demoIds.contosoTenantId,
      objectId: demoIds.inigoObjectId,
      userPrincipalName: 'inigo.urrutia@contosoiberica.onmicrosoft.com',
      displayName: 'Íñigo Urrutia Peña',
      password: demoIds.password,
      appRoleAssignments: [],
    },
    {
      tenantId: demoIds.fabrikamTenantId,
      objectId: demoIds.amelieObjectId,
      userPrincipalName: 'amelie.dubois@fabrikamfrance.onmicrosoft.com',
      displayName: 'Amélie Dubois',
      password: demoIds.password,
      appRoleAssignments: [{ resourceAppId: demoIds.fabrikamBridgeClientId, role: 'Bridge.Admin' }],
    },
    {
      tenantId: demoIds.fabrikamTenantId,
      objectId: demoIds.francoisObjectId,
      userPrincipalName: 'francois.lefevre@fabrikamfrance.onmicrosoft.com',
      displayName: 'François Lefèvre',
      password: demoIds.password,
      appRoleAssignments: [],
    },
  ],
  consents: [
    { tenantId: demoIds.contosoTenantId, clientId: demoIds.bridgeClientId, resourceAppId: demoIds.bridgeClientId, scopes: ['access_as_user'], roles: [] },
    { tenantId: demoIds.contosoTenantId, clientId: demoIds.bridgeClientId, resourceAppId: graph, scopes: delegatedGraphScopes, roles: [] },
    { tenantId: demoIds.fabrikamTenantId, clientId: demoIds.fabrikamBridgeClientId, resourceAppId: demoIds.fabrikamBridgeClientId, scopes: ['access_as_user'], roles: [] },
    { tenantId: demoIds.fabrikamTenantId, clientId: demoIds.fabrikamBridgeClientId, resourceAppId: graph, scopes: [], roles: applicationGraphRoles },
    {
      tenantId: demoIds.fabrikamTenantId,
      clientId: demoIds.fabrikamBridgeClientId,
      resourceAppId: graph,
      scopes: ['User.Read'],
      roles: [],
      userObjectId: demoIds.amelieObjectId,
    },
  ],
});

/** The demo directory for the default port, `npm start`'s bridge on 3000: what the tests sign in against. */
export const demoDirectory = demoDirectoryAt('localhost:3000');
