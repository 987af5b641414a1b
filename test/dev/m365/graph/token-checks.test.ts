import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactJson, GraphErrorBody } from './support/graph-json';
import { contoso, fabrikam, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

const ana = { tenantId: contoso.tenantId, userId: contoso.ana.id };

describe('token checks', () => {
  it('answers a request without a token with 401 InvalidAuthenticationToken in Graph’s error body', async () => {
    const answer = await graph.call<GraphErrorBody>('/me/contacts', { token: null, headers: { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000000' } });

    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('Bearer');
    expect(answer.body).toEqual({
      error: {
        code: 'InvalidAuthenticationToken',
        message: expect.any(String),
        innerError: {
          date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
          'request-id': answer.headers.get('request-id'),
          'client-request-id': 'c0ffee00-0000-4000-8000-000000000000',
        },
      },
    });
  });

  it('answers a token for another audience with 401', async () => {
    const token = await graph.tokens.delegated({ ...ana, scopes: ['Contacts.ReadWrite'], audience: 'api://bridge.contoso.test/5f1c7a0e' });

    const answer = await graph.call<GraphErrorBody>('/me/contacts', { token });

    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message: expect.stringContaining('audience') });
  });

  it('accepts Graph’s application id as the audience too', async () => {
    const token = await graph.tokens.delegated({ ...ana, scopes: ['Contacts.Read'], audience: '00000003-0000-0000-c000-000000000000' });

    expect((await graph.call('/me/contacts', { token })).status).toBe(200);
  });

  it('answers a token signed by an unknown key, or expired, with 401', async () => {
    const forged = await graph.tokens.forged({ ...ana, scopes: ['Contacts.ReadWrite'] });
    const expired = await graph.tokens.delegated({ ...ana, scopes: ['Contacts.ReadWrite'], expiresAt: new Date(Date.now() - 60_000) });

    const answers = [await graph.call<GraphErrorBody>('/me/contacts', { token: forged }), await graph.call<GraphErrorBody>('/me/contacts', { token: expired })];

    expect(answers.map((answer) => [answer.status, answer.body.error.code])).toEqual([
      [401, 'InvalidAuthenticationToken'],
      [401, 'InvalidAuthenticationToken'],
    ]);
    expect(answers[1]?.body.error.message).toContain('expired');
  });

  it('answers a token without a contacts scope with 403 ErrorAccessDenied', async () => {
    const token = await graph.tokens.delegated({ ...ana, scopes: ['User.Read'] });

    const answer = await graph.call<GraphErrorBody>('/me/contacts', { token });

    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('ErrorAccessDenied');
  });

  it('lets Contacts.Read read but not write', async () => {
    const token = await graph.tokens.delegated({ ...ana, scopes: ['Contacts.Read'] });

    const read = await graph.call('/me/contacts', { token });
    const write = await graph.call<GraphErrorBody>('/me/contacts', { token, method: 'POST', body: { givenName: 'No' } });

    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
  });

  it("answers an application token addressing another tenant's mailbox with 403", async () => {
    const answer = await graph.call<GraphErrorBody>(`/users/${fabrikam.eva.id}/contacts`, { token: graph.appToken });

    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('ErrorAccessDenied');
  });

  it("answers a delegated token addressing a colleague's mailbox with 403", async () => {
    const answer = await graph.call<GraphErrorBody>(`/users/${contoso.ben.userPrincipalName}/contacts`);

    expect(answer.status).toBe(403);
  });

  it('requires the Contacts.ReadWrite role of an application token to write a mailbox', async () => {
    const readOnlyApp = await graph.tokens.application({ tenantId: contoso.tenantId, roles: ['Contacts.Read'] });

    const written = await graph.call<ContactJson>(`/users/${contoso.ben.id}/contacts`, { token: graph.appToken, method: 'POST', body: { givenName: 'App' } });
    const refused = await graph.call(`/users/${contoso.ben.id}/contacts`, { token: readOnlyApp, method: 'POST', body: { givenName: 'No' } });
    const read = await graph.call(`/users/${contoso.ben.id}/contacts`, { token: readOnlyApp });

    expect(written.status).toBe(201);
    expect(refused.status).toBe(403);
    expect(read.status).toBe(200);
  });

  it('answers /me with an application token with 400, since /me needs a signed-in user', async () => {
    const answer = await graph.call<GraphErrorBody>('/me/contacts', { token: graph.appToken });

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('/me request is only valid with delegated authentication flow');
  });

  it('answers an unknown user with 404 ErrorInvalidUser', async () => {
    const answer = await graph.call<GraphErrorBody>('/users/nobody@contoso.test/contacts', { token: graph.appToken });

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('ErrorInvalidUser');
  });

  it('returns the profile for /me with User.Read, and refuses other profiles without a directory permission', async () => {
    const me = await graph.call<{ id: string; userPrincipalName: string; displayName: string }>('/me');
    const colleague = await graph.call<GraphErrorBody>(`/users/${contoso.ben.id}`);
    const withoutUserRead = await graph.call<GraphErrorBody>('/me', { token: await graph.tokens.delegated({ ...ana, scopes: ['Contacts.Read'] }) });

    expect(me.body).toMatchObject({ id: contoso.ana.id, userPrincipalName: contoso.ana.userPrincipalName, displayName: 'Ana Alves' });
    expect(colleague.status).toBe(403);
    expect(colleague.body.error.code).toBe('Authorization_RequestDenied');
    expect(withoutUserRead.status).toBe(403);
  });
});
