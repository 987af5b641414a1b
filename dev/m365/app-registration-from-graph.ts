import type { RegisteredApplication } from './graph/application-registry';
import type { AppRegistration } from './identity/identity-directory';
import { microsoftGraphResource } from './identity/microsoft-graph-resource';

/**
 * What the identity stand-in needs of an app registration made through Graph: its secrets,
 * exposed scopes, app roles, redirect URIs and the Graph permissions it asks for (by name; the
 * ids of `requiredResourceAccess` are Microsoft Graph's permission ids).
 */
export function appRegistrationFromGraph(application: RegisteredApplication): AppRegistration {
  const graph = microsoftGraphResource;
  const requiredResourceAccess = application.requiredResourceAccess
    .filter((access) => access.resourceAppId === graph.appId)
    .map((access) => ({
      resourceAppId: graph.appId,
      scopes: access.resourceAccess.flatMap((item) => (item.type === 'Scope' && graph.scopeIds[item.id] ? [graph.scopeIds[item.id] ?? ''] : [])),
      roles: access.resourceAccess.flatMap((item) => (item.type === 'Role' && graph.roleIds[item.id] ? [graph.roleIds[item.id] ?? ''] : [])),
    }));
  const identifierUri = application.identifierUris[0];
  return {
    clientId: application.appId,
    displayName: application.displayName,
    homeTenantId: application.tenantId,
    clientSecrets: application.passwordCredentials.map((credential) => credential.secretText),
    allowPublicClientFlows: application.isFallbackPublicClient ?? false,
    ...(identifierUri ? { identifierUri } : {}),
    exposedScopes: application.api.oauth2PermissionScopes.filter((scope) => scope.isEnabled).map((scope) => scope.value),
    appRoles: application.appRoles.filter((role) => role.isEnabled).map((role) => role.value),
    redirectUris: [...application.spa.redirectUris, ...application.web.redirectUris],
    requiredResourceAccess,
  };
}
