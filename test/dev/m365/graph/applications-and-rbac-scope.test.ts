import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryApplication } from '../../../../dev/m365/graph/directory-application';
import { contoso, startTestGraph, type TestGraph } from './support/start-test-graph';
import { erpAppId } from './support/test-token-issuer';

const registration: DirectoryApplication = {
  id: '3e3e3e3e-0000-4000-8000-000000000003', appId: erpAppId, displayName: 'ERP Bridge', homeTenantId: contoso.tenantId,
  passwordCredentials: [{ customKeyIdentifier: null, displayName: null, endDateTime: '2027-01-31T00:00:00Z', hint: 'abc', keyId: '4f4f4f4f-0000-4000-8000-000000000004', secretText: null, startDateTime: null }],
};

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph({ applications: () => [registration] });
});
afterAll(() => graph.close());

describe('GET /applications(appId=…)', () => {
  it('shows the registration’s secrets by hint and end date to an app holding Application.Read.All', async () => {
    const token = await graph.tokens.application({ tenantId: contoso.tenantId, roles: ['Application.Read.All'] });
    const answer = await graph.call<{ appId: string; passwordCredentials: unknown[] }>(`/applications(appId='${erpAppId}')?$select=passwordCredentials`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body.appId).toBe(erpAppId);
    expect(answer.body.passwordCredentials).toEqual([expect.objectContaining({ hint: 'abc', endDateTime: '2027-01-31T00:00:00Z', secretText: null })]);
  });

  it('refuses an app without a directory read permission with 403 Authorization_RequestDenied', async () => {
    const answer = await graph.call<{ error: { code: string; message: string } }>(`/applications(appId='${erpAppId}')`, { token: graph.appSyncToken });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
  });

  it('does not find a registration of another tenant', async () => {
    const token = await graph.tokens.application({ tenantId: contoso.tenantId, roles: ['Application.Read.All'] });
    const answer = await graph.call<{ error: { code: string } }>(`/applications(appId='00000000-0000-4000-8000-000000000000')`, { token });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('Request_ResourceNotFound');
  });
});

describe('RBAC for Applications scopes', () => {
  it('refuses an app-only call to a mailbox outside the app’s scope with 403 ErrorAccessDenied, and allows one inside', async () => {
    graph.emulator.applicationScopes.scope(erpAppId, [contoso.ben.id]);
    try {
      const outside = await graph.call<{ error: { code: string } }>(`/users/${contoso.ana.id}/contactFolders`, { token: graph.appToken });
      expect(outside.status).toBe(403);
      expect(outside.body.error.code).toBe('ErrorAccessDenied');
      expect((await graph.call(`/users/${contoso.ben.id}/contactFolders`, { token: graph.appToken })).status).toBe(200);
    } finally {
      graph.emulator.applicationScopes.scope(erpAppId, undefined);
    }
    expect((await graph.call(`/users/${contoso.ana.id}/contactFolders`, { token: graph.appToken })).status).toBe(200);
  });

  it('leaves delegated calls alone', async () => {
    graph.emulator.applicationScopes.scope(erpAppId, []);
    try {
      expect((await graph.call('/me/contactFolders')).status).toBe(200);
    } finally {
      graph.emulator.applicationScopes.scope(erpAppId, undefined);
    }
  });
});
