import { decodeJwt } from 'jose';

/**
 * The permissions an access token carries: `roles` (application permissions) or `scp` (delegated,
 * space-separated). Only read, never trusted: the token came straight from the token endpoint.
 */
export function readTokenPermissions(accessToken: string): { roles: string[]; scopes: string[] } {
  const claims = decodeJwt(accessToken);
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string') : [];
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  return { roles, scopes };
}
