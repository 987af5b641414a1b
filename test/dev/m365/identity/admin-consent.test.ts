import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer();
});
afterAll(() => identity.close());

const fabrikam = demoIds.fabrikamTenantId;
const clientId = demoIds.fabrikamBridgeClientId;
const redirectUri = 'https://localhost:3000/taskpane.html';
const query = { client_id: clientId, scope: 'https://graph.microsoft.com/.default', redirect_uri: redirectUri, state: 'back-to-admin' };
const endpoint = () => `${identity.url}/${fabrikam}/v2.0/adminconsent`;

const answer = (fields: Record<string, string>) =>
  fetch(endpoint(), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...query, ...fields }),
  });

describe('the admin-consent page', () => {
  it('shows the app and every permission its registration lists, delegated and application', async () => {
    const page = await (await fetch(`${endpoint()}?${new URLSearchParams(query)}`)).text();

    expect(page).toContain('ERP Bridge for Outlook (Fabrikam)');
    expect(page).toContain('every user in your organization');
    expect(page).toContain('Tasks.ReadWrite.All (Microsoft Graph, without a signed-in user)');
    expect(page).toContain('access_as_user (ERP Bridge for Outlook (Fabrikam))');
  });

  it('shows an error, and never redirects, for a redirect URI the app did not register', async () => {
    const page = await fetch(`${endpoint()}?${new URLSearchParams({ ...query, redirect_uri: 'https://evil.example/steal' })}`, { redirect: 'manual' });

    expect(page.status).toBe(400);
    expect(await page.text()).toContain('AADSTS50011');
  });

  it('returns permission_denied when the admin cancels, granting nothing', async () => {
    const before = structuredClone(identity.directory.consents);

    const response = await answer({ decision: 'decline' });

    const back = new URL(response.headers.get('location') ?? '');
    expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'permission_denied', error_description: 'The admin canceled the request', state: 'back-to-admin' });
    expect(identity.directory.consents).toEqual(before);
  });

  it('refuses a user who is not an administrator', async () => {
    const response = await answer({ username: 'francois.lefevre@fabrikamfrance.onmicrosoft.com', password: demoIds.password, decision: 'accept' });

    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Need admin approval');
  });

  it('grants the registration’s permissions for the whole tenant and redirects with admin_consent=True', async () => {
    const response = await answer({ username: 'amelie.dubois@fabrikamfrance.onmicrosoft.com', password: demoIds.password, decision: 'accept' });

    expect(response.status).toBe(302);
    const back = new URL(response.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get('admin_consent')).toBe('True');
    expect(back.searchParams.get('tenant')).toBe(fabrikam);
    expect(back.searchParams.get('state')).toBe('back-to-admin');
    expect(identity.directory.consents).toContainEqual({
      tenantId: fabrikam,
      clientId,
      resourceAppId: '00000003-0000-0000-c000-000000000000',
      scopes: ['User.Read'],
      roles: ['Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite.All'],
    });
  });
});
