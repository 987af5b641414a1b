import type { IdentityServer } from '../../../../../dev/m365/identity/start-identity-server';

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** POSTs a form to `/{tenant}/oauth2/v2.0/token` over real HTTP, as a client library would. */
export async function requestToken(server: Pick<IdentityServer, 'url'>, tenant: string, form: Record<string, string>): Promise<TokenAnswer> {
  const response = await fetch(`${server.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body: unknown = await response.json();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`token endpoint answered ${response.status} without a JSON object`);
  return { status: response.status, body: Object.fromEntries(Object.entries(body)) };
}

/** The access token of a successful answer; fails the test with Entra's description otherwise. */
export function accessTokenOf(answer: TokenAnswer): string {
  const token = answer.body.access_token;
  if (answer.status !== 200 || typeof token !== 'string') throw new Error(`expected a token, got ${answer.status}: ${String(answer.body.error_description)}`);
  return token;
}
