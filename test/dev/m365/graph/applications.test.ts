import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredApplication } from '../../../../dev/m365/graph/application-registry';
import { contoso, fabrikam, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
let adminToken: string;
const saved: RegisteredApplication[] = [];

beforeAll(async () => {
  graph = await startTestGraph({ onApplicationSaved: (application) => saved.push(structuredClone(application)) });
  adminToken = await graph.tokens.delegated({ tenantId: contoso.tenantId, userId: contoso.ana.id, scopes: ['Application.ReadWrite.All'] });
});
afterAll(() => graph.close());

const scopeId = '8f6a3f52-5a7e-4c3b-9b1e-2d4c6e8a0b1c';
const registration = {
  displayName: 'ERP Bridge for Outlook (test)',
  api: { requestedAccessTokenVersion: 2, oauth2PermissionScopes: [{ id: scopeId, value: 'access_as_user', type: 'User', isEnabled: true }] },
  spa: { redirectUris: ['https://erp.example.com/taskpane.html', 'brk-multihub://erp.example.com'] },
};

interface Created {
  id: string;
  appId: string;
}

describe('app registrations through Graph', () => {
  it('creates an application with Graph’s shape, a new app id and the defaults Graph fills in', async () => {
    const answer = await graph.call<Record<string, unknown>>('/applications', { method: 'POST', body: registration, token: adminToken });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      displayName: 'ERP Bridge for Outlook (test)',
      appId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      signInAudience: 'AzureADMyOrg',
      identifierUris: [],
      api: { requestedAccessTokenVersion: 2, preAuthorizedApplications: [] },
      spa: { redirectUris: registration.spa.redirectUris },
      passwordCredentials: [],
    });
    expect(saved.at(-1)).toMatchObject({ tenantId: contoso.tenantId, appId: answer.body.appId });
  });

  it('refuses a caller without Application.ReadWrite.All as the directory does', async () => {
    const answer = await graph.call<{ error: { code: string } }>('/applications', { method: 'POST', body: registration });

    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('Authorization_RequestDenied');
  });

  it('refuses a property the application type does not have', async () => {
    const answer = await graph.call<{ error: { code: string; message: string } }>('/applications', { method: 'POST', body: { ...registration, colour: 'blue' }, token: adminToken });

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe("Property 'colour' does not exist on type 'microsoft.graph.application'.");
  });

  it('takes an api:// identifier URI naming the app id and Office’s pre-authorization of an existing scope, changing nothing else', async () => {
    const created = (await graph.call<Created>('/applications', { method: 'POST', body: registration, token: adminToken })).body;
    const update = {
      identifierUris: [`api://erp.example.com/${created.appId}`],
      api: { ...registration.api, preAuthorizedApplications: [{ appId: 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e', delegatedPermissionIds: [scopeId] }] },
    };

    const answer = await graph.call(`/applications/${created.id}`, { method: 'PATCH', body: update, token: adminToken });
    const read = await graph.call<Record<string, unknown>>(`/applications/${created.id}`, { token: adminToken });

    expect(answer.status).toBe(204);
    expect(read.body).toMatchObject({ identifierUris: update.identifierUris, spa: registration.spa, api: { preAuthorizedApplications: update.api.preAuthorizedApplications } });
  });

  it.each([
    ['an api:// URI that names neither the app nor a verified domain', { identifierUris: ['api://erp.example.com/bridge'] }, 'HostNameNotOnVerifiedDomain'],
    [
      'a pre-authorization of a scope the app does not expose',
      { api: { oauth2PermissionScopes: registration.api.oauth2PermissionScopes, preAuthorizedApplications: [{ appId: 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e', delegatedPermissionIds: ['00000000-0000-4000-8000-000000000000'] }] } },
      'Request_BadRequest',
    ],
  ])('refuses %s and keeps the application as it was', async (_case, change, code) => {
    const created = (await graph.call<Created>('/applications', { method: 'POST', body: registration, token: adminToken })).body;

    const answer = await graph.call<{ error: { code: string } }>(`/applications/${created.id}`, { method: 'PATCH', body: change, token: adminToken });
    const read = await graph.call<Record<string, unknown>>(`/applications/${created.id}`, { token: adminToken });

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expect(read.body).toMatchObject({ identifierUris: [], api: { preAuthorizedApplications: [] } });
  });

  it('shows a new client secret once, from addPassword, and only its hint afterwards', async () => {
    const created = (await graph.call<Created>('/applications', { method: 'POST', body: registration, token: adminToken })).body;

    const answer = await graph.call<{ secretText: string; hint: string; keyId: string }>(`/applications/${created.id}/addPassword`, {
      method: 'POST',
      body: { passwordCredential: { displayName: 'bridge' } },
      token: adminToken,
    });
    const read = await graph.call<{ passwordCredentials: Record<string, unknown>[] }>(`/applications/${created.id}`, { token: adminToken });

    expect(answer.status).toBe(200);
    expect(answer.body.secretText.length).toBeGreaterThanOrEqual(32);
    expect(answer.body.hint).toBe(answer.body.secretText.slice(0, 3));
    expect(read.body.passwordCredentials).toEqual([expect.objectContaining({ keyId: answer.body.keyId, displayName: 'bridge', secretText: null })]);
    expect(saved.at(-1)?.passwordCredentials.map((credential) => credential.secretText)).toEqual([answer.body.secretText]);
  });

  it('creates the service principal of an application once per tenant', async () => {
    const created = (await graph.call<Created>('/applications', { method: 'POST', body: registration, token: adminToken })).body;

    const first = await graph.call<Record<string, unknown>>('/servicePrincipals', { method: 'POST', body: { appId: created.appId }, token: adminToken });
    const again = await graph.call<{ error: { code: string } }>('/servicePrincipals', { method: 'POST', body: { appId: created.appId }, token: adminToken });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ appId: created.appId, servicePrincipalType: 'Application', accountEnabled: true });
    expect(again.status).toBe(409);
  });

  it('keeps one tenant’s applications out of another’s reach', async () => {
    const created = (await graph.call<Created>('/applications', { method: 'POST', body: registration, token: adminToken })).body;
    const stranger = await graph.tokens.delegated({ tenantId: fabrikam.tenantId, userId: fabrikam.eva.id, scopes: ['Application.ReadWrite.All'] });

    const answer = await graph.call(`/applications/${created.id}`, { token: stranger });

    expect(answer.status).toBe(404);
  });
});
