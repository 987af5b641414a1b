import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailboxSnapshot } from '../../../../dev/m365/graph/graph-emulator-admin';
import type { Collection, ContactJson } from './support/graph-json';
import { contoso, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

const erpId = 'String {8ECCC264-6880-4EBE-992F-8888D2EEAA1D} Name ErpId';

async function admin<Body>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${graph.emulator.url}/_admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed: Body = await response.json();
  return { status: response.status, body: parsed };
}

describe('the admin API', () => {
  it('adds a tenant and a seeded mailbox that Graph then serves', async () => {
    await admin('/tenants', 'POST', { id: 'aaaaaaaa-1111-4111-8111-111111111111', displayName: 'Northwind' });
    const added = await admin<MailboxSnapshot>('/mailboxes', 'POST', {
      tenantId: 'aaaaaaaa-1111-4111-8111-111111111111',
      id: 'cccccccc-2222-4222-8222-222222222222',
      userPrincipalName: 'nina@northwind.test',
      contactFolders: [{ displayName: 'ERP', contacts: [{ givenName: 'Seeded', singleValueExtendedProperties: [{ id: erpId, value: 'nw:1' }] }] }],
    });
    const token = await graph.tokens.delegated({
      tenantId: 'aaaaaaaa-1111-4111-8111-111111111111',
      userId: 'cccccccc-2222-4222-8222-222222222222',
      scopes: ['Contacts.Read'],
    });
    const folderId = added.body.folders.find((folder) => folder.displayName === 'ERP')?.id;

    const listed = await graph.call<Collection<ContactJson>>(`/me/contactFolders/${folderId}/contacts`, { token });

    expect(added.status).toBe(201);
    expect(listed.body.value.map((contact) => contact.givenName)).toEqual(['Seeded']);
  });

  it('shows a mailbox with its folders and its contacts, extended properties and both ids included', async () => {
    await graph.call('/me/contacts', { method: 'POST', body: { givenName: 'Tagged', singleValueExtendedProperties: [{ id: erpId, value: 'acme:C-1' }] } });

    const { body } = await admin<MailboxSnapshot>(`/mailboxes/${contoso.ana.userPrincipalName}`);

    expect(body).toMatchObject({ id: contoso.ana.id, tenantId: contoso.tenantId, folders: [{ displayName: 'Contacts' }] });
    expect(body.contacts).toEqual([
      expect.objectContaining({ givenName: 'Tagged', immutableId: expect.any(String), singleValueExtendedProperties: [{ id: erpId, value: 'acme:C-1' }] }),
    ]);
  });

  it('moves a contact as a user would in Outlook', async () => {
    const { body: folder } = await graph.call<{ id: string }>('/me/contactFolders', { method: 'POST', body: { displayName: 'Archive' } });
    const { body: contact } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: { givenName: 'Mover' } });

    const moved = await admin<ContactJson>(`/mailboxes/${contoso.ana.id}/contacts/${contact.id}/move`, 'POST', { destinationFolderId: folder.id });

    expect(moved.body.parentFolderId).toBe(folder.id);
    expect(moved.body.id).not.toBe(contact.id);
  });

  it('expires delta tokens on request', async () => {
    const { body: folder } = await graph.call<{ id: string }>('/me/contactFolders', { method: 'POST', body: { displayName: 'ERP' } });
    const round = await graph.call<Collection<ContactJson>>(`/me/contactFolders/${folder.id}/contacts/delta`);

    const expired = await admin<{ expired: number }>('/delta-tokens/expire', 'POST', { mailbox: contoso.ana.id });
    const replay = await graph.call(round.body['@odata.deltaLink'] ?? '');

    expect(expired.body.expired).toBe(1);
    expect(replay.status).toBe(410);
  });

  it('sets and reads the latency of mailbox requests', async () => {
    const set = await admin<{ latencyMs: number }>('/latency', 'PUT', { latencyMs: 150 });
    const started = Date.now();
    await graph.call('/me/contacts');

    expect(set.body.latencyMs).toBe(150);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers bad input with 400 and a code', async () => {
    const answer = await admin<{ error: { code: string } }>('/throttling', 'PUT', { concurrentRequests: 'four' });

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_input');
  });
});
