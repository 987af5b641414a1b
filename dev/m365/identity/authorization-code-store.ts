import { randomBytes } from 'node:crypto';

/** What a code stands for: one user's consent-and-sign-in at the authorize page, for one client and redirect URI. */
export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  userObjectId: string;
  /** PKCE (`S256`) challenge the redeeming client must answer; absent when the request sent none. */
  codeChallenge?: string;
  expiresAt: Date;
}

export interface AuthorizationCodeStore {
  issue(code: AuthorizationCode): string;
  /** The code's grant, once: a second redemption finds nothing, as Entra refuses it. */
  take(code: string): AuthorizationCode | undefined;
}

/** Authorization codes kept in memory until redeemed (Entra's live about ten minutes). */
export function createAuthorizationCodeStore(): AuthorizationCodeStore {
  const codes = new Map<string, AuthorizationCode>();
  return {
    issue(code) {
      const value = `1.${randomBytes(48).toString('base64url')}`;
      codes.set(value, code);
      return value;
    },
    take(value) {
      const code = codes.get(value);
      codes.delete(value);
      return code;
    },
  };
}
