import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import { AuthError } from './auth-error';

export interface UnverifiedToken {
  tenantId: string;
  audiences: string[];
}

/**
 * What can be refused before fetching any key: tokens that are not JWTs, not RS256, with no key id, Entra v1.0
 * tokens, and tokens without a tenant. Nothing read here is trusted until the signature is checked.
 */
export function inspectUnverifiedToken(token: string): UnverifiedToken {
  let algorithm: unknown;
  let keyId: unknown;
  let claims: JWTPayload;
  try {
    ({ alg: algorithm, kid: keyId } = decodeProtectedHeader(token));
    claims = decodeJwt(token);
  } catch {
    throw new AuthError('invalid_token', 'The bearer token is not a well-formed JWT access token.');
  }
  if (algorithm !== 'RS256') {
    throw new AuthError('invalid_token', `The token is signed with "${String(algorithm)}"; only RS256 tokens issued by Microsoft Entra ID are accepted.`);
  }
  // Entra names its signing key in every token; without it the tenant's several keys leave nothing to check against.
  if (typeof keyId !== 'string' || keyId === '') {
    throw new AuthError('invalid_token', 'The token\'s header names no signing key (kid); tokens issued by Microsoft Entra ID always do.');
  }
  if (claims.ver === '1.0' || (typeof claims.iss === 'string' && claims.iss.startsWith('https://sts.windows.net/'))) {
    throw new AuthError(
      'invalid_token',
      'The token is an Entra ID v1.0 token. Set "requestedAccessTokenVersion": 2 (accessTokenAcceptedVersion) in the bridge app registration\'s manifest, then sign in again.',
    );
  }
  if (typeof claims.tid !== 'string' || claims.tid === '') {
    throw new AuthError('invalid_token', 'The token has no tenant (tid) claim; it is not an Entra ID access token.');
  }
  // Unverified input: `aud` may be anything, not only the string or string array JWT allows.
  const audience: unknown = claims.aud;
  const audiences = typeof audience === 'string' ? [audience] : Array.isArray(audience) ? audience.filter((item) => typeof item === 'string') : [];
  return { tenantId: claims.tid, audiences };
}
