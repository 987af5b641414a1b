import { EntraError } from './entra-error';
import { findConsentedPermissions } from './find-consented-permissions';
import type { AppRegistration, DirectoryUser, IdentityDirectory } from './identity-directory';
import type { ScopeRequest } from './parse-scope-request';

/**
 * The scopes a user's token may carry: those asked for, each consented by the user or an admin;
 * with `.default`, everything consented. Anything missing needs an interactive consent.
 */
export function resolveDelegatedScopes(directory: IdentityDirectory, grant: { client: AppRegistration; user: DirectoryUser; request: ScopeRequest }): string[] {
  const { client, user, request } = grant;
  const consented = findConsentedPermissions(directory, {
    tenantId: user.tenantId,
    clientId: client.clientId,
    resourceAppId: request.resource.appId,
    userObjectId: user.objectId,
  }).scopes;
  // Sign-in scopes alone (openid, profile…) need no consent to a resource.
  const nothingAsked = !request.isDefault && request.scopes.length === 0;
  if (nothingAsked) return [];
  const granted = request.isDefault ? consented : request.scopes.filter((scope) => consented.includes(scope));
  const missing = request.isDefault ? [] : request.scopes.filter((scope) => !consented.includes(scope));
  if (granted.length === 0 || missing.length > 0) {
    throw new EntraError(
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${client.clientId}' named '${client.displayName}'. Send an interactive authorization request for this user and resource.`,
      'consent_required',
    );
  }
  return granted;
}
