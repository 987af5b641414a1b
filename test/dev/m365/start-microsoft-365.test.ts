import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { startMicrosoft365, type Microsoft365 } from '../../../dev/m365/start-microsoft-365';
import { createTrustingFetch } from '../../../server/auth/create-trusting-fetch';
import { createContactFolder } from '../../../src/graph/contacts/create-contact-folder';
import { createGraphClient } from '../../../src/graph/create-graph-client';

let m365: Microsoft365;
beforeAll(async () => {
  m365 = await startMicrosoft365();
});
afterAll(() => m365.close());

async function appOnlyGraphToken(tenant: string, clientId: string, secret: string) {
  const response = await fetch(`${m365.identity.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'https://graph.microsoft.com/.default' }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.access_token;
}

describe('the local Microsoft 365', () => {
  it('lets an app-only token from the identity server read its tenant’s mailboxes', async () => {
    const token = await appOnlyGraphToken(demoIds.fabrikamTenantId, demoIds.fabrikamBridgeClientId, demoIds.fabrikamBridgeClientSecret);
    const response = await fetch(`${m365.graph.url}/v1.0/users/${demoIds.amelieObjectId}/contactFolders`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ value: expect.any(Array) });
  });

  it('refuses the same token on another tenant’s mailbox with Graph’s error body', async () => {
    const token = await appOnlyGraphToken(demoIds.fabrikamTenantId, demoIds.fabrikamBridgeClientId, demoIds.fabrikamBridgeClientSecret);
    const response = await fetch(`${m365.graph.url}/v1.0/users/${demoIds.luciaObjectId}/contactFolders`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('refuses a token the identity server did not sign', async () => {
    const token = await appOnlyGraphToken(demoIds.fabrikamTenantId, demoIds.fabrikamBridgeClientId, demoIds.fabrikamBridgeClientSecret);
    const [header, payload] = token.split('.');
    const response = await fetch(`${m365.graph.url}/v1.0/users/${demoIds.amelieObjectId}/contactFolders`, { headers: { authorization: `Bearer ${header}.${payload}.AAAA` } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });
});

describe('the local Microsoft 365 over HTTPS', () => {
  it('serves identity and Graph with one certificate that clients trust explicitly', async () => {
    const secure = await startMicrosoft365({ https: true });
    try {
      expect(secure.identity.url).toMatch(/^https:/);
      expect(secure.graph.url).toMatch(/^https:/);
      const trusting = createTrustingFetch(secure.certificate ?? '');
      const answer = await trusting(`${secure.identity.url}/${demoIds.fabrikamTenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials', client_id: demoIds.fabrikamBridgeClientId, client_secret: demoIds.fabrikamBridgeClientSecret, scope: 'https://graph.microsoft.com/.default',
        }).toString(),
      });
      const { access_token: token } = (await answer.json()) as { access_token: string };
      const client = createGraphClient({ baseUrl: `${secure.graph.url}/v1.0`, getAccessToken: async () => token, fetch: trusting });
      const folder = await createContactFolder(client, demoIds.amelieObjectId, 'ERP');
      expect(folder.displayName).toBe('ERP');
      await expect(fetch(`${secure.graph.url}/v1.0/users/${demoIds.amelieObjectId}/contactFolders`)).rejects.toThrow();
    } finally {
      await secure.close();
    }
  });
});
