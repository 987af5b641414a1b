import type { ConfidentialClientApplication } from '@azure/msal-node';
import { createDelegatedTokens } from '../auth/graph-token-sources';
import type { Store } from '../store/store';
import type { TokenOutcome } from './request-token';

/**
 * A delegated Graph token of the first user of the environment whose sign-in the bridge keeps, as
 * sync would get it (MSAL's cache, refreshed when due): what `npm run doctor` reads `scp` from when
 * no admin's sign-in is at hand. `undefined` when nobody has connected yet.
 */
export async function readStoredDelegatedToken(
  deps: { store: Pick<Store, 'users' | 'tokenCache'>; msal: () => ConfidentialClientApplication },
  environment: string,
): Promise<TokenOutcome | undefined> {
  const users = await deps.store.users.listByEnvironment(environment);
  const tokens = createDelegatedTokens(deps);
  for (const user of users.sort((a, b) => a.email.localeCompare(b.email))) {
    const key = { tenantId: user.tenantId, objectId: user.objectId };
    if ((await deps.store.tokenCache.get(key)) === undefined) continue;
    try {
      return { kind: 'issued', accessToken: await tokens.sourceFor(key).getAccessToken() };
    } catch (error) {
      // MSAL's error, kept as the cause, carries Entra's AADSTS code and sub-error.
      const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
      const text = cause instanceof Error ? cause.message : String(cause);
      const code = /AADSTS(\d+)/.exec(text)?.[1];
      const suberror = typeof cause === 'object' && cause !== null && 'subError' in cause ? String(cause.subError) : undefined;
      return { kind: 'refused', status: 400, error: 'stored_sign_in_refused', codes: code ? [Number(code)] : [], description: text.split('\n')[0] ?? '', ...(suberror ? { suberror } : {}) };
    }
  }
  return undefined;
}
