import { readTokenExpiry } from './read-token-expiry';
import { mostUseful, SignInError } from './sign-in-error';
import type { TokenRequest, TokenSource, TokenStrategy } from './token-source';

/** A token is renewed this long before it expires, so a request never leaves with a dying one. */
const renewBeforeMs = 2 * 60_000;

/**
 * Tries the strategies in order (nested app authentication, Office SSO, the sign-in dialog) and
 * keeps the token in memory only, never in web storage.
 * @example const tokens = createTokenSource([naa, officeSso, dialog], () => new Date());
 */
export function createTokenSource(strategies: TokenStrategy[], now: () => Date): TokenSource {
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function acquire(request: Required<TokenRequest>): Promise<string> {
    let failure: SignInError | undefined;
    for (const strategy of strategies.filter((candidate) => candidate.isAvailable())) {
      try {
        const token = await strategy.acquire(request);
        const expiry = readTokenExpiry(token);
        cached = expiry ? { token, renewAt: expiry.getTime() - renewBeforeMs } : undefined;
        return token;
      } catch (error) {
        const signInError = error instanceof SignInError ? error : new SignInError('sign_in_failed', String(error), { cause: error });
        // The user said no: trying another method would ask again.
        if (signInError.code === 'sign_in_cancelled') throw signInError;
        failure = mostUseful(failure, signInError);
      }
    }
    throw failure ?? new SignInError('sign_in_unavailable', 'this Outlook offers no way to sign in to the add-in');
  }

  return {
    getToken(request = {}) {
      const full = { forceRefresh: request.forceRefresh ?? false, interactive: request.interactive ?? false };
      if (!full.forceRefresh && cached && now().getTime() < cached.renewAt) return Promise.resolve(cached.token);
      if (full.forceRefresh) cached = undefined;
      // Cards ask in parallel; one sign-in serves them all (an interactive request starts its own).
      if (pending && !full.interactive) return pending;
      const attempt = acquire(full).finally(() => {
        if (pending === attempt) pending = undefined;
      });
      pending = attempt;
      return attempt;
    },
  };
}
