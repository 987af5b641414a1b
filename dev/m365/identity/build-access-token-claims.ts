import type { DirectoryUser } from './identity-directory';
import { pairwiseSubject } from './pairwise-subject';

/** Who the token speaks for: a signed-in user (delegated) or the client app itself (app-only). */
export type TokenSubject = { kind: 'user'; user: DirectoryUser } | { kind: 'app'; servicePrincipalId: string };

export interface AccessTokenInput {
  /** `{base}/{tid}/v2.0`. */
  issuer: string;
  tenantId: string;
  audience: string;
  resourceAppId: string;
  /** The app the token was issued to: `azp`. */
  clientId: string;
  authenticationMethod: '0' | '1';
  subject: TokenSubject;
  /** Delegated permissions: `scp`, space separated; never set on app-only tokens. */
  scopes: string[];
  roles: string[];
  issuedAt: number;
  lifetimeSeconds: number;
  /** `uti`: Entra's unique token id. */
  tokenId: string;
}

/** The claims of an Entra v2.0 access token, in the order Entra writes them. */
export function buildAccessTokenClaims(input: AccessTokenInput): Record<string, unknown> {
  const { subject } = input;
  const roles = input.roles.length > 0 ? { roles: input.roles } : {};
  const common = {
    aud: input.audience,
    iss: input.issuer,
    iat: input.issuedAt,
    nbf: input.issuedAt,
    exp: input.issuedAt + input.lifetimeSeconds,
    azp: input.clientId,
    azpacr: input.authenticationMethod,
  };
  if (subject.kind === 'app') {
    return {
      ...common,
      idtyp: 'app',
      oid: subject.servicePrincipalId,
      ...roles,
      sub: subject.servicePrincipalId,
      tid: input.tenantId,
      uti: input.tokenId,
      ver: '2.0',
    };
  }
  return {
    ...common,
    name: subject.user.displayName,
    oid: subject.user.objectId,
    preferred_username: subject.user.userPrincipalName,
    ...roles,
    scp: input.scopes.join(' '),
    sub: pairwiseSubject(subject.user.objectId, input.resourceAppId),
    tid: input.tenantId,
    uti: input.tokenId,
    ver: '2.0',
  };
}
