import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { microsoftGraphCommandLineTools } from '../../../../dev/m365/identity/microsoft-graph-command-line-tools';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';
import { accessTokenOf, requestToken } from './support/request-token';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer();
});
afterAll(() => identity.close());

const contoso = demoIds.contosoTenantId;
const clientId = microsoftGraphCommandLineTools.clientId;
const lucia = 'lucia.martinez@contosoiberica.onmicrosoft.com';

async function startDeviceCode(scope = 'https://graph.microsoft.com/Application.ReadWrite.All offline_access openid profile') {
  const response = await fetch(`${identity.url}/${contoso}/oauth2/v2.0/devicecode`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, scope }),
  });
  return (await response.json()) as { user_code: string; device_code: string; verification_uri: string; interval: number; expires_in: number; message: string };
}

const poll = (deviceCode: string) => requestToken(identity, contoso, { grant_type: 'device_code', client_id: clientId, device_code: deviceCode });

const answerPage = (fields: Record<string, string>) =>
  fetch(`${identity.url}/devicelogin`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });

describe('the device code sign-in', () => {
  it('hands the device a user code, the page to enter it and Entra’s polling interval', async () => {
    const started = await startDeviceCode();

    expect(started).toMatchObject({ user_code: expect.stringMatching(/^[A-Z2-9]{9}$/), verification_uri: `${identity.url}/devicelogin`, interval: 5, expires_in: 900 });
    expect(started.message).toContain(`enter the code ${started.user_code}`);
  });

  it('answers authorization_pending until the user approves, then the user’s token, once', async () => {
    const started = await startDeviceCode();
    expect((await poll(started.device_code)).body).toMatchObject({ error: 'authorization_pending' });

    const page = await fetch(`${identity.url}/devicelogin?user_code=${started.user_code}`);
    expect(await page.text()).toContain('Application.ReadWrite.All (Microsoft Graph)');
    const approved = await answerPage({ user_code: started.user_code, username: lucia, password: demoIds.password, decision: 'accept' });
    expect(approved.status).toBe(200);

    const answer = await poll(started.device_code);
    expect(decodeJwt(accessTokenOf(answer))).toMatchObject({ oid: demoIds.luciaObjectId, azp: clientId, scp: expect.stringContaining('Application.ReadWrite.All') });
    expect((await poll(started.device_code)).body).toMatchObject({ error: 'invalid_grant' });
  });

  it('tells the device when the user declines', async () => {
    const started = await startDeviceCode();

    await answerPage({ user_code: started.user_code, decision: 'decline' });

    expect((await poll(started.device_code)).body).toMatchObject({ error: 'authorization_declined' });
  });

  it('lets only an administrator consent to an admin-only permission, and keeps the code waiting', async () => {
    const started = await startDeviceCode();

    const refused = await answerPage({ user_code: started.user_code, username: 'inigo.urrutia@contosoiberica.onmicrosoft.com', password: demoIds.password, decision: 'accept' });

    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Need admin approval');
    expect((await poll(started.device_code)).body).toMatchObject({ error: 'authorization_pending' });
  });

  it('refuses a wrong password on the page without answering the device', async () => {
    const started = await startDeviceCode();

    const refused = await answerPage({ user_code: started.user_code, username: lucia, password: 'wrong', decision: 'accept' });

    expect(await refused.text()).toContain('Your account or password is incorrect.');
    expect((await poll(started.device_code)).body).toMatchObject({ error: 'authorization_pending' });
  });
});

describe('the identity server’s pages for browsers', () => {
  it('answer on plain loopback HTTP too, and the device is sent there to enter its code', async () => {
    const secure = await startIdentityServer({ https: true, browserPort: 0 });
    try {
      const started = await fetch(`${secure.browserUrl ?? ''}/${contoso}/oauth2/v2.0/devicecode`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: clientId, scope: 'User.Read' }),
      });
      const body = (await started.json()) as { verification_uri: string };

      expect(secure.url).toMatch(/^https:/);
      expect(body.verification_uri).toBe(`${secure.browserUrl ?? ''}/devicelogin`);
      expect((await fetch(body.verification_uri)).status).toBe(200);
    } finally {
      await secure.close();
    }
  });
});
