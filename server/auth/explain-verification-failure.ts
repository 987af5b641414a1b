import { errors } from 'jose';
import { AuthError } from './auth-error';

/**
 * Turns jose's verdict on a token into an `AuthError` a person can act on. Failures to reach the
 * tenant's keys (timeouts, network, a bad key set) are not the caller's fault: they are
 * rethrown as they are.
 */
export function explainVerificationFailure(error: unknown, expected: { issuer: string; tenantId: string }): AuthError {
  if (error instanceof errors.JWTExpired) {
    const expiredAt = typeof error.payload.exp === 'number' ? ` at ${new Date(error.payload.exp * 1000).toISOString()}` : '';
    return new AuthError('invalid_token', `The token expired${expiredAt}; get a new token and try again.`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return new AuthError('invalid_token', `The token lacks the required "${error.claim}" claim.`);
    switch (error.claim) {
      case 'nbf':
      case 'iat':
        return new AuthError('invalid_token', 'The token is not valid yet; check that this server\'s clock is right.');
      case 'iss':
        return new AuthError('invalid_token', `The token's issuer is not ${expected.issuer}: it was not issued by the configured authority for this tenant.`);
      case 'aud':
        return new AuthError('invalid_token', 'The token is for another application: its audience is not this bridge\'s application id.');
      default:
        return new AuthError('invalid_token', `The token's "${error.claim}" claim is not valid.`);
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthError('invalid_token', 'The token\'s signature does not verify: it was altered or not issued by Microsoft Entra ID.');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new AuthError('invalid_token', `The token is signed with a key that tenant ${expected.tenantId} does not publish.`);
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthError('invalid_token', `The token does not say which of tenant ${expected.tenantId}'s keys signed it (no usable kid).`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new AuthError('invalid_token', 'The token\'s signing algorithm is not allowed; only RS256 is accepted.');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return new AuthError('invalid_token', 'The bearer token is not a well-formed JWT access token.');
  }
  throw error;
}
