import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection, ContactJson, GraphErrorBody } from './support/graph-json';
import { contoso, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

const pavel = {
  givenName: 'Pavel',
  surname: 'Bansky',
  emailAddresses: [{ address: 'pavelb@contoso.com', name: 'Pavel Bansky' }],
  businessPhones: ['+1 732 555 0102'],
};

describe('contacts', () => {
  it('creates a contact in the default folder and answers 201 with the whole contact', async () => {
    const created = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: pavel });

    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toContain('application/json');
    expect(created.body).toMatchObject({
      displayName: 'Pavel Bansky',
      givenName: 'Pavel',
      emailAddresses: [{ address: 'pavelb@contoso.com', name: 'Pavel Bansky' }],
      businessPhones: ['+1 732 555 0102'],
      homePhones: [],
      birthday: null,
      fileAs: '',
      homeAddress: {},
    });
    expect(created.body['@odata.etag']).toBe(`W/"${created.body.changeKey}"`);
    expect(created.body['@odata.context']).toContain(`/$metadata#users('${contoso.ana.id}')/contacts/$entity`);
    expect(created.body.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('takes a birthday given as a bare date, as Graph does, and answers it as a DateTimeOffset', async () => {
    const created = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: { ...pavel, birthday: '1974-07-22' } });

    expect(created.status).toBe(201);
    expect(created.body.birthday).toBe('1974-07-22T00:00:00Z');
  });

  it('refuses a birthday that is not a date', async () => {
    const refused = await graph.call<GraphErrorBody>('/me/contacts', { method: 'POST', body: { ...pavel, birthday: '22/07/1974' } });

    expect(refused.status).toBe(400);
  });

  it('reads a contact back by id, with $select limiting the properties (id and etag always come)', async () => {
    const { body: created } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: pavel });

    const read = await graph.call<ContactJson>(`/me/contacts/${created.id}?$select=displayName,emailAddresses`);

    expect(read.status).toBe(200);
    expect(Object.keys(read.body).sort()).toEqual(['@odata.context', '@odata.etag', 'displayName', 'emailAddresses', 'id']);
  });

  it('lists the default folder in pages of $top with an @odata.nextLink until the last page', async () => {
    for (let index = 0; index < 5; index += 1) {
      await graph.call('/me/contacts', { method: 'POST', body: { givenName: `Person ${index}` } });
    }

    const names: string[] = [];
    let link: string | undefined = '/me/contacts?$top=2&$select=givenName';
    let pages = 0;
    while (link) {
      const page: { body: Collection<ContactJson> } = await graph.call<Collection<ContactJson>>(link);
      names.push(...page.body.value.map((contact) => contact.givenName ?? ''));
      link = page.body['@odata.nextLink'];
      pages += 1;
    }

    expect(pages).toBe(3);
    expect(names).toEqual(['Person 0', 'Person 1', 'Person 2', 'Person 3', 'Person 4']);
  });

  it('returns 10 contacts per page when $top is not given, as Outlook does', async () => {
    for (let index = 0; index < 12; index += 1) await graph.call('/me/contacts', { method: 'POST', body: { givenName: `P${index}` } });

    const page = await graph.call<Collection<ContactJson>>('/me/contacts');

    expect(page.body.value).toHaveLength(10);
    expect(page.body['@odata.nextLink']).toMatch(/\?\$skip=10$/);
  });

  it('changes @odata.etag and changeKey on every PATCH', async () => {
    const { body: created } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: pavel });

    const patched = await graph.call<ContactJson>(`/me/contacts/${created.id}`, { method: 'PATCH', body: { jobTitle: 'Buyer' } });
    const patchedAgain = await graph.call<ContactJson>(`/me/contacts/${created.id}`, { method: 'PATCH', body: { jobTitle: 'Head buyer' } });

    expect(patched.status).toBe(200);
    expect(patched.body.jobTitle).toBe('Buyer');
    expect(patched.body.givenName).toBe('Pavel');
    expect(new Set([created.changeKey, patched.body.changeKey, patchedAgain.body.changeKey]).size).toBe(3);
    expect(patchedAgain.body['@odata.etag']).toBe(`W/"${patchedAgain.body.changeKey}"`);
  });

  it('refuses a PATCH whose If-Match names an older version with 412, and applies a current one', async () => {
    const { body: created } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: pavel });
    await graph.call(`/me/contacts/${created.id}`, { method: 'PATCH', body: { jobTitle: 'Buyer' } });

    const stale = await graph.call<GraphErrorBody>(`/me/contacts/${created.id}`, {
      method: 'PATCH',
      body: { jobTitle: 'Clerk' },
      headers: { 'if-match': created['@odata.etag'] ?? '' },
    });
    const { body: current } = await graph.call<ContactJson>(`/me/contacts/${created.id}`);
    const fresh = await graph.call<ContactJson>(`/me/contacts/${created.id}`, {
      method: 'PATCH',
      body: { jobTitle: 'Clerk' },
      headers: { 'if-match': current['@odata.etag'] ?? '' },
    });

    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('ErrorIrresolvableConflict');
    expect(fresh.status).toBe(200);
    expect(fresh.body.jobTitle).toBe('Clerk');
  });

  it('deletes a contact with 204, after which it is not found', async () => {
    const { body: created } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: pavel });

    const deleted = await graph.call(`/me/contacts/${created.id}`, { method: 'DELETE' });
    const again = await graph.call<GraphErrorBody>(`/me/contacts/${created.id}`);

    expect(deleted.status).toBe(204);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('ErrorItemNotFound');
  });

  it('refuses a property the contact type does not have with 400 RequestBodyRead', async () => {
    const answer = await graph.call<GraphErrorBody>('/me/contacts', { method: 'POST', body: { givenName: 'X', erpId: 'C-1' } });

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('RequestBodyRead');
    expect(answer.body.error.message).toContain("'erpId'");
  });

  it('refuses a fourth email address, since Exchange keeps three', async () => {
    const emails = ['a', 'b', 'c', 'd'].map((name) => ({ address: `${name}@example.test` }));

    const answer = await graph.call<GraphErrorBody>('/me/contacts', { method: 'POST', body: { emailAddresses: emails } });

    expect(answer.status).toBe(400);
  });

  it('filters by email address with emailAddresses/any(a:a/address eq …), ignoring case', async () => {
    await graph.call('/me/contacts', { method: 'POST', body: pavel });
    await graph.call('/me/contacts', { method: 'POST', body: { givenName: 'Other', emailAddresses: [{ address: 'other@contoso.com' }] } });

    const found = await graph.call<Collection<ContactJson>>(`/me/contacts?$filter=emailAddresses/any(a:a/address eq 'PavelB@Contoso.com')`);

    expect(found.body.value.map((contact) => contact.givenName)).toEqual(['Pavel']);
  });

  it('reads path segments without regard to case, as Graph does', async () => {
    const created = await graph.call<ContactJson>('/ME/Contacts', { method: 'POST', body: pavel });
    const folders = await graph.call<Collection<unknown>>('/me/contactfolders');

    expect(created.status).toBe(201);
    expect(folders.status).toBe(200);
  });

  it('addresses the same mailbox by object id or user principal name with an application token', async () => {
    await graph.call('/me/contacts', { method: 'POST', body: pavel });

    const byId = await graph.call<Collection<ContactJson>>(`/users/${contoso.ana.id}/contacts`, { token: graph.appToken });
    const byName = await graph.call<Collection<ContactJson>>(`/users/${contoso.ana.userPrincipalName}/contacts`, { token: graph.appToken });

    expect(byId.body.value).toHaveLength(1);
    expect(byName.body.value.map((contact) => contact.id)).toEqual(byId.body.value.map((contact) => contact.id));
  });

  it('answers an unknown query option it cannot honour with 400 instead of ignoring it', async () => {
    const answer = await graph.call<GraphErrorBody>('/me/contacts?$orderby=displayName');

    expect(answer.status).toBe(400);
  });
});
