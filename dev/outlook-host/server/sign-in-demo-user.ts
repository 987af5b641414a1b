import type { HostAccount } from '../host-page-config';

/** Global `fetch`, or one that trusts the identity server's own certificate. */
export type TokenFetch = (input: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<Response>;

export type DemoSignInResult = { ok: true; accessToken: string; expiresIn: number } | { ok: false; refused: boolean; message: string };

/**
 * Signs a demo user in to the local identity server with their password (ROPC: the demo app
 * registrations allow public-client flows) for the bridge's `access_as_user` scope, which is
 * what Outlook's `getAccessToken` would hand the add-in. The scope names the API by its client
 * id, so the token does not depend on which port the bridge listens on.
 */
export async function signInDemoUser(authority: string, fetchToken: TokenFetch, account: HostAccount, password: string): Promise<DemoSignInResult> {
  const form = new URLSearchParams({
    grant_type: 'password',
    client_id: account.appId,
    username: account.email,
    password,
    scope: `api://${account.appId}/access_as_user`,
  });
  const response = await fetchToken(`${authority}/organizations/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const body: unknown = await response.json().catch(() => undefined);
  const fields: Record<string, unknown> = typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body)) : {};
  const field = (name: string): unknown => fields[name];
  const accessToken = field('access_token');
  if (response.ok && typeof accessToken === 'string') {
    const expiresIn = field('expires_in');
    return { ok: true, accessToken, expiresIn: typeof expiresIn === 'number' ? expiresIn : 3600 };
  }
  const description = field('error_description');
  return { ok: false, refused: field('error') === 'invalid_grant', message: typeof description === 'string' ? description : `the identity server answered ${response.status}` };
}
