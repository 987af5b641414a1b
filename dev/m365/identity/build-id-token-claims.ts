import type { DirectoryUser } from './identity-directory';
import { pairwiseSubject } from './pairwise-subject';

/** An Entra v2.0 ID token: about the sign-in, for the client (`aud` = client id), never for an API. */
export function buildIdTokenClaims(input: {
  issuer: string;
  clientId: string;
  user: DirectoryUser;
  issuedAt: number;
  lifetimeSeconds: number;
  tokenId: string;
}): Record<string, unknown> {
  return {
    aud: input.clientId,
    iss: input.issuer,
    iat: input.issuedAt,
    nbf: input.issuedAt,
    exp: input.issuedAt + input.lifetimeSeconds,
    name: input.user.displayName,
    oid: input.user.objectId,
    preferred_username: input.user.userPrincipalName,
    sub: pairwiseSubject(input.user.objectId, input.clientId),
    tid: input.user.tenantId,
    uti: input.tokenId,
    ver: '2.0',
  };
}
