import { randomBytes } from 'node:crypto';
import { EntraError } from './entra-error';

/** What a refresh token stands for: one user's sign-in to one client. */
export interface RefreshTokenGrant {
  clientId: string;
  tenantId: string;
  userObjectId: string;
  /** The scope of the request that issued it, reused when a refresh names none. */
  scope: string;
}

export interface RefreshTokenStore {
  issue(grant: RefreshTokenGrant, now: Date): string;
  /**
   * Spends a token on `use`: it cannot be redeemed twice (the stand-in rotates strictly), but a
   * request that fails for another reason (consent, scope) leaves it usable, as Entra does.
   */
  redeem<T>(token: string, clientId: string, now: Date, use: (grant: RefreshTokenGrant) => Promise<T>): Promise<T>;
}

interface StoredRefreshToken extends RefreshTokenGrant {
  issuedAt: Date;
  redeemed: boolean;
}

/** Opaque refresh tokens kept in memory; they die with the server, as a real tenant's would not. */
export function createRefreshTokenStore(options: { lifetimeSeconds: number }): RefreshTokenStore {
  const tokens = new Map<string, StoredRefreshToken>();
  return {
    issue(grant, now) {
      const token = `1.${randomBytes(48).toString('base64url')}`;
      tokens.set(token, { ...grant, issuedAt: now, redeemed: false });
      return token;
    },
    async redeem(token, clientId, now, use) {
      const stored = tokens.get(token);
      if (!stored) throw new EntraError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
      if (stored.clientId.toLowerCase() !== clientId.toLowerCase()) {
        throw new EntraError('invalid_grant', 700005, 'Provided refresh token was issued to another client application.');
      }
      if (stored.redeemed) throw new EntraError('invalid_grant', 70000, 'The refresh token was already redeemed. Use the newest refresh token.');
      const inactiveSeconds = (now.getTime() - stored.issuedAt.getTime()) / 1000;
      if (inactiveSeconds > options.lifetimeSeconds) {
        throw new EntraError(
          'invalid_grant',
          700082,
          `The refresh token has expired due to inactivity. The token was issued on ${stored.issuedAt.toISOString()} and was inactive for ${Math.floor(inactiveSeconds / 86_400)} days.`,
        );
      }
      stored.redeemed = true;
      try {
        return await use({ clientId: stored.clientId, tenantId: stored.tenantId, userObjectId: stored.userObjectId, scope: stored.scope });
      } catch (error) {
        stored.redeemed = false;
        throw error;
      }
    },
  };
}
