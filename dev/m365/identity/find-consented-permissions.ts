import type { IdentityDirectory } from './identity-directory';

export interface ConsentQuery {
  tenantId: string;
  clientId: string;
  resourceAppId: string;
  /** The signed-in user, for delegated scopes; absent for the app's own (application) roles. */
  userObjectId?: string;
}

/**
 * What a client may do at a resource in a tenant: delegated scopes from admin consent plus the
 * user's own consent; application roles only from admin consent.
 */
export function findConsentedPermissions(directory: IdentityDirectory, query: ConsentQuery): { scopes: string[]; roles: string[] } {
  const same = (left: string, right: string) => left.toLowerCase() === right.toLowerCase();
  const scopes = new Set<string>();
  const roles = new Set<string>();
  for (const consent of directory.consents) {
    if (!same(consent.tenantId, query.tenantId) || !same(consent.clientId, query.clientId) || !same(consent.resourceAppId, query.resourceAppId)) continue;
    const forEveryone = consent.userObjectId === undefined;
    if (forEveryone) consent.roles.forEach((role) => roles.add(role));
    if (forEveryone || (query.userObjectId !== undefined && same(consent.userObjectId ?? '', query.userObjectId))) {
      consent.scopes.forEach((scope) => scopes.add(scope));
    }
  }
  return { scopes: [...scopes], roles: [...roles] };
}

