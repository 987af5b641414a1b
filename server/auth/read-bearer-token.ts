import { AuthError } from './auth-error';

/** The token of `Authorization: Bearer <token>`; anything else asks the caller to sign in. */
export function readBearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') {
    throw new AuthError('auth_required', 'Sign in first: this request needs an "Authorization: Bearer <access token>" header.');
  }
  const match = /^Bearer +([^\s]+)$/i.exec(authorization.trim());
  if (!match?.[1]) {
    throw new AuthError('auth_required', 'The Authorization header must be "Bearer <access token>" with the token issued for this bridge.');
  }
  return match[1];
}
