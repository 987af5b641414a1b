import { demoIds } from '../../../dev/m365/identity/demo-directory';
import type { Microsoft365 } from '../../../dev/m365/start-microsoft-365';
import { createTrustingFetch } from '../../../server/auth/create-trusting-fetch';

/** A demo user's bridge token by password sign-in over HTTPS, trusting the stand-in's certificate. */
export async function bridgeToken(m365: Microsoft365, certificate: string, username: string, clientId: string): Promise<string> {
  const answer = await createTrustingFetch(certificate)(`${m365.identity.url}/organizations/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password: demoIds.password, scope: `api://localhost:3000/${clientId}/access_as_user` }).toString(),
  });
  const body = (await answer.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) throw new Error(`sign-in of ${username} failed: ${body.error_description ?? answer.status}`);
  return body.access_token;
}
