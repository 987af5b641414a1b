import type { JWTPayload } from 'jose';
import { GraphError } from './graph-error';

/** Graph's resource: the v1 URI, with or without a trailing slash, or the application id (v2 tokens). */
export const graphAudiences: ReadonlySet<string> = new Set([
  'https://graph.microsoft.com',
  'https://graph.microsoft.com/',
  '00000003-0000-0000-c000-000000000000',
]);

/** Who calls: a user through an app (delegated `scp`) or an app on its own (application `roles`). */
export type GraphPrincipal =
  | { kind: 'delegated'; tenantId: string; userId: string; appId: string; scopes: ReadonlySet<string> }
  | { kind: 'application'; tenantId: string; appId: string; roles: ReadonlySet<string>; servicePrincipalId?: string };

const invalidToken = (message: string) => new GraphError(401, 'InvalidAuthenticationToken', message);

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function audiences(payload: JWTPayload): string[] {
  if (typeof payload.aud === 'string') return [payload.aud];
  return payload.aud ?? [];
}

/**
 * Reads the claims Graph relies on from an already verified token.
 * v2 tokens name the client `azp`, v1 tokens `appid`; both are accepted.
 */
export function principalFromClaims(payload: JWTPayload): GraphPrincipal {
  if (!audiences(payload).some((audience) => graphAudiences.has(audience))) {
    throw invalidToken('Access token validation failure. Invalid audience.');
  }
  const tenantId = stringClaim(payload, 'tid');
  const appId = stringClaim(payload, 'azp') ?? stringClaim(payload, 'appid');
  if (!tenantId || !appId) throw invalidToken('Access token validation failure. The token has no tid or client id claim.');

  const scope = stringClaim(payload, 'scp');
  if (scope) {
    const userId = stringClaim(payload, 'oid');
    if (!userId) throw invalidToken('Access token validation failure. A delegated token needs an oid claim.');
    return { kind: 'delegated', tenantId, userId, appId, scopes: new Set(scope.split(' ').filter(Boolean)) };
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
  return { kind: 'application', tenantId, appId, roles: new Set(roles), servicePrincipalId: stringClaim(payload, 'oid') };
}
