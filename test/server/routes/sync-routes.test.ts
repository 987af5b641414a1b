import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { createTestBridge, demoUsers, type TestBridge } from '../support/create-test-bridge';

let bridge: TestBridge;
beforeAll(async () => {
  bridge = await createTestBridge();
});
afterAll(() => bridge.close());

const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;

describe('choosing the contact folder', () => {
  it('connects a delegated user once, then lists and creates folders in their own mailbox', async () => {
    const connected = await bridge.request('/api/me/sync/connect', { method: 'POST', token: bridge.tokens.inigo });
    expect(await json(connected)).toEqual({ connected: true });

    expect(await json(await bridge.request('/api/me/contact-folders', { token: bridge.tokens.inigo }))).toEqual({ items: [] });
    const created = await bridge.request('/api/me/contact-folders', { method: 'POST', token: bridge.tokens.inigo, body: { displayName: 'ERP' } });
    expect(created.status).toBe(201);
    const folders = await json<{ items: { displayName: string }[] }>(await bridge.request('/api/me/contact-folders', { token: bridge.tokens.inigo }));
    expect(folders.items.map((f) => f.displayName)).toEqual(['ERP']);
    const mailbox = bridge.m365.graph.admin.readMailbox(demoIds.inigoObjectId);
    expect(JSON.stringify(mailbox)).toContain('"displayName":"ERP"');
  });

  it('answers a folder that exists already with 409 conflict', async () => {
    await bridge.request('/api/me/sync/connect', { method: 'POST', token: bridge.tokens.lucia });
    await bridge.request('/api/me/contact-folders', { method: 'POST', token: bridge.tokens.lucia, body: { displayName: 'Clientes' } });
    const again = await bridge.request('/api/me/contact-folders', { method: 'POST', token: bridge.tokens.lucia, body: { displayName: 'Clientes' } });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ code: 'conflict' });
  });

  it('lists folders in an app-only environment with no per-user connection', async () => {
    expect((await bridge.request('/api/me/contact-folders', { token: bridge.tokens.amelie })).status).toBe(200);
  });
});

describe('the admin’s sync activation', () => {
  it('is refused to users who are not admins', async () => {
    expect((await bridge.request('/api/admin/environment', { token: bridge.tokens.inigo })).status).toBe(403);
    expect((await bridge.request('/api/admin/activation', { method: 'PUT', token: bridge.tokens.inigo, body: { syncActivated: true, applicationId: demoIds.bridgeClientId } })).status).toBe(403);
  });

  it('refuses an App ID that is not the environment’s registration', async () => {
    const answer = await bridge.request('/api/admin/activation', { method: 'PUT', token: bridge.tokens.lucia, body: { syncActivated: true, applicationId: demoIds.fabrikamBridgeClientId } });
    expect(answer.status).toBe(400);
    expect((await json<{ message: string }>(answer)).message).toContain(demoIds.bridgeClientId);
  });

  it('keeps sync runs closed until activated, then records who activated it', async () => {
    const before = await bridge.request('/api/admin/environment', { token: bridge.tokens.lucia });
    expect(await json(before)).toMatchObject({ environment: 'contoso', mode: 'delegated', activation: { syncActivated: false } });
    const meBefore = await json<{ environment: { syncActivated: boolean } }>(await bridge.request('/api/me', { token: bridge.tokens.inigo }));
    expect(meBefore.environment.syncActivated).toBe(false);
    const activated = await bridge.request('/api/admin/activation', { method: 'PUT', token: bridge.tokens.lucia, body: { syncActivated: true, applicationId: demoIds.bridgeClientId } });
    const environment = await json<{ activation: { syncActivated: boolean; changedBy: string }; adminConsentUrl: string }>(activated);
    expect(environment.activation).toMatchObject({ syncActivated: true, changedBy: demoUsers.lucia.email });
    const consent = new URL(environment.adminConsentUrl);
    expect(consent.pathname).toBe(`/${demoIds.contosoTenantId}/v2.0/adminconsent`);
    expect(consent.searchParams.get('client_id')).toBe(demoIds.bridgeClientId);
    // Entra sends the admin back to a registered redirect URI: the bridge's own taskpane page.
    expect(new URL(consent.searchParams.get('redirect_uri') ?? '').pathname).toBe('/taskpane.html');
    const meAfter = await json<{ environment: { syncActivated: boolean } }>(await bridge.request('/api/me', { token: bridge.tokens.inigo }));
    expect(meAfter.environment.syncActivated).toBe(true);
  });

  it('shows each user’s sync status to the admin of their environment only', async () => {
    await bridge.request('/api/me/sync/connect', { method: 'POST', token: bridge.tokens.inigo });
    await bridge.request('/api/me/settings', { method: 'PUT', token: bridge.tokens.inigo, body: { enabled: true, contactFolderName: 'ERP' } });
    const status = await json<{ items: { email: string; syncEnabled: boolean; connected: boolean }[] }>(await bridge.request('/api/admin/sync-status', { token: bridge.tokens.lucia }));
    expect(status.items.find((u) => u.email === demoUsers.inigo.email)).toMatchObject({ syncEnabled: true, connected: true });
    expect(status.items.map((u) => u.email)).not.toContain(demoUsers.amelie.email);
  });
});
