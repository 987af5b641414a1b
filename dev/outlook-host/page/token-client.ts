import { HostCallFailure } from './addin-frame';

/**
 * Access tokens for the bridge, from the host server, which signs the demo user in to the local
 * identity server (its certificate is not one a browser trusts). Kept in memory, per account,
 * until two minutes before they expire.
 */
export function createTokenClient(fetchToken: typeof fetch, now: () => number = Date.now) {
  const cache = new Map<string, { token: string; renewAt: number }>();
  return {
    async getToken(email: string): Promise<string> {
      const cached = cache.get(email);
      if (cached && now() < cached.renewAt) return cached.token;
      const response = await fetchToken('/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok || typeof body !== 'object' || body === null || !('accessToken' in body) || typeof body.accessToken !== 'string') {
        const message = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : `the host could not sign ${email} in`;
        // 13001: nobody is signed in, which the add-in answers with a Sign in button.
        throw response.status === 401 ? new HostCallFailure(13001, 'SSO.UserNotSignedIn', message) : new HostCallFailure(13006, 'SSO.ClientError', message);
      }
      const expiresInSeconds = 'expiresIn' in body && typeof body.expiresIn === 'number' ? body.expiresIn : 3600;
      cache.set(email, { token: body.accessToken, renewAt: now() + (expiresInSeconds - 120) * 1000 });
      return body.accessToken;
    },
  };
}
