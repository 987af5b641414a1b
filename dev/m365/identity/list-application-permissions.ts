import type { AppRegistration, Consent, IdentityDirectory } from './identity-directory';
import { microsoftGraphResource } from './microsoft-graph-resource';

/**
 * What an admin consent with `.default` grants: everything the registration lists in
 * `requiredResourceAccess`, plus its own API's scopes so users of the add-in need no prompt.
 * One consent record per resource, for the whole tenant.
 */
export function listApplicationPermissions(app: AppRegistration, tenantId: string): Consent[] {
  const signInScopes = new Set(['openid', 'profile', 'email', 'offline_access']);
  const grants: Consent[] = app.requiredResourceAccess.map((access) => ({
    tenantId,
    clientId: app.clientId,
    resourceAppId: access.resourceAppId,
    scopes: access.scopes.filter((scope) => !signInScopes.has(scope)),
    roles: access.roles,
  }));
  if (app.exposedScopes.length > 0 && !grants.some((grant) => grant.resourceAppId === app.clientId)) {
    grants.push({ tenantId, clientId: app.clientId, resourceAppId: app.clientId, scopes: app.exposedScopes, roles: [] });
  }
  return grants;
}

/** A resource's display name for the consent page. */
export function resourceName(directory: IdentityDirectory, resourceAppId: string): string {
  if (resourceAppId === microsoftGraphResource.appId) return microsoftGraphResource.displayName;
  return directory.applications.find((app) => app.clientId === resourceAppId)?.displayName ?? resourceAppId;
}
