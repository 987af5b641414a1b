import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';
import { accessTokenOf, requestToken } from './support/request-token';
import { bridgeTokenFor } from './support/sign-in-with-password';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer();
});
afterAll(() => identity.close());

const fabrikam = demoIds.fabrikamTenantId;
const clientId = demoIds.fabrikamBridgeClientId;
const francois = 'francois.lefevre@fabrikamfrance.onmicrosoft.com';
const redirectUri = 'https://localhost:3000/taskpane.html';
const verifier = 'a-verifier-of-at-least-forty-three-characters-long-0123456789';
const challenge = createHash('sha256').update(verifier).digest('base64url');
const query = {
  client_id: clientId,
  response_type: 'code',
  redirect_uri: redirectUri,
  scope: 'https://graph.microsoft.com/Contacts.ReadWrite offline_access',
  state: 'pane',
  prompt: 'consent',
  code_challenge: challenge,
  code_challenge_method: 'S256',
};
const endpoint = () => `${identity.url}/${fabrikam}/oauth2/v2.0/authorize`;
const answer = (fields: Record<string, string>) =>
  fetch(endpoint(), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...query, ...fields }) });
const onBehalfOf = async (scope: string) =>
  requestToken(identity, fabrikam, {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    requested_token_use: 'on_behalf_of',
    client_id: clientId,
    client_secret: demoIds.fabrikamBridgeClientSecret,
    assertion: await bridgeTokenFor(identity, { username: francois, clientId, tenant: fabrikam }),
    scope,
  });

describe('the authorize page (user consent)', () => {
  it('shows the app and the permissions it asks the user for', async () => {
    const page = await (await fetch(`${endpoint()}?${new URLSearchParams(query)}`)).text();

    expect(page).toContain('ERP Bridge for Outlook (Fabrikam)');
    expect(page).toContain('Contacts.ReadWrite (Microsoft Graph)');
  });

  it('returns access_denied to the app when the user cancels', async () => {
    const response = await answer({ decision: 'decline' });

    const back = new URL(response.headers.get('location') ?? '');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('pane');
  });

  it('records the user’s consent, which on-behalf-of then honours, and returns a code that a wrong PKCE verifier cannot redeem', async () => {
    expect((await onBehalfOf('https://graph.microsoft.com/Contacts.ReadWrite')).body).toMatchObject({ suberror: 'consent_required' });

    const response = await answer({ username: francois, password: demoIds.password, decision: 'accept' });
    const back = new URL(response.headers.get('location') ?? '');
    const code = back.searchParams.get('code') ?? '';
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('pane');

    const redeem = (codeVerifier: string) =>
      requestToken(identity, fabrikam, { grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: redirectUri, code_verifier: codeVerifier });
    expect((await redeem('not-the-verifier-at-all-but-long-enough-to-be-one-00000')).body).toMatchObject({ error: 'invalid_grant' });

    const obo = await onBehalfOf('https://graph.microsoft.com/Contacts.ReadWrite');
    expect(decodeJwt(accessTokenOf(obo))).toMatchObject({ oid: demoIds.francoisObjectId, scp: 'Contacts.ReadWrite' });
  });

  it('gives the user’s tokens for a code redeemed with its verifier, once', async () => {
    const response = await answer({ username: francois, password: demoIds.password, decision: 'accept' });
    const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';

    const tokens = await requestToken(identity, fabrikam, { grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: redirectUri, code_verifier: verifier });

    expect(decodeJwt(accessTokenOf(tokens))).toMatchObject({ oid: demoIds.francoisObjectId, aud: 'https://graph.microsoft.com', scp: expect.stringContaining('Contacts.ReadWrite') });
    expect(tokens.body.refresh_token).toEqual(expect.any(String));
    const again = await requestToken(identity, fabrikam, { grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: redirectUri, code_verifier: verifier });
    expect(again.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('shows an error, and never redirects, for a redirect URI the app did not register', async () => {
    const page = await fetch(`${endpoint()}?${new URLSearchParams({ ...query, redirect_uri: 'https://evil.example/steal' })}`, { redirect: 'manual' });

    expect(page.status).toBe(400);
    expect(await page.text()).toContain('AADSTS50011');
  });
});
