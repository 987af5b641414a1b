import type { ErrorCode } from '../../src/domain/error-code';

export type AuthErrorCode = Extract<ErrorCode, 'auth_required' | 'invalid_token' | 'forbidden'>;

/**
 * A request the bridge refuses for who sent it: 401 when the caller must (re)authenticate,
 * 403 when the token is good but does not allow this. Messages never contain the token.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly status: 401 | 403;

  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.status = code === 'forbidden' ? 403 : 401;
  }
}
