import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection, ContactFolder, ContactJson, GraphErrorBody } from './support/graph-json';
import { startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

const createFolder = (path: string, displayName: string) =>
  graph.call<ContactFolder>(path, { method: 'POST', body: { displayName } });

describe('contact folders', () => {
  it('creates a folder under the default Contacts folder and lists it', async () => {
    const created = await createFolder('/me/contactFolders', 'ERP');
    const { body: contact } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: { givenName: 'Root' } });

    const listed = await graph.call<Collection<ContactFolder>>('/me/contactFolders');

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'ERP', parentFolderId: contact.parentFolderId });
    expect(listed.body.value).toEqual([{ id: created.body.id, displayName: 'ERP', parentFolderId: contact.parentFolderId }]);
  });

  it('refuses a second folder with the same name, whatever its case, with 409 ErrorFolderExists', async () => {
    await createFolder('/me/contactFolders', 'ERP');

    const duplicate = await graph.call<GraphErrorBody>('/me/contactFolders', { method: 'POST', body: { displayName: 'erp' } });

    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('ErrorFolderExists');
  });

  it('gets a folder by id and finds it by name with $filter', async () => {
    const { body: erp } = await createFolder('/me/contactFolders', 'ERP');
    await createFolder('/me/contactFolders', 'Family');

    const read = await graph.call<ContactFolder>(`/me/contactFolders/${erp.id}`);
    const found = await graph.call<Collection<ContactFolder>>(`/me/contactFolders?$filter=displayName eq 'ERP'`);

    expect(read.body).toMatchObject({ id: erp.id, displayName: 'ERP' });
    expect(found.body.value.map((folder) => folder.id)).toEqual([erp.id]);
  });

  it('nests child folders and reaches their contacts through the childFolders path', async () => {
    const { body: erp } = await createFolder('/me/contactFolders', 'ERP');
    const { body: customers } = await createFolder(`/me/contactFolders/${erp.id}/childFolders`, 'Customers');

    const created = await graph.call<ContactJson>(`/me/contactFolders/${erp.id}/childFolders/${customers.id}/contacts`, {
      method: 'POST',
      body: { givenName: 'Nested' },
    });
    const children = await graph.call<Collection<ContactFolder>>(`/me/contactFolders/${erp.id}/childFolders`);
    const direct = await graph.call<Collection<ContactJson>>(`/me/contactFolders/${customers.id}/contacts`);
    const topLevel = await graph.call<Collection<ContactFolder>>('/me/contactFolders');

    expect(created.body.parentFolderId).toBe(customers.id);
    expect(children.body.value.map((folder) => folder.displayName)).toEqual(['Customers']);
    expect(direct.body.value.map((contact) => contact.givenName)).toEqual(['Nested']);
    expect(topLevel.body.value.map((folder) => folder.displayName)).toEqual(['ERP']);
  });

  it('does not list contacts of other folders under /me/contacts, which is the default folder only', async () => {
    const { body: erp } = await createFolder('/me/contactFolders', 'ERP');
    const { body: inErp } = await graph.call<ContactJson>(`/me/contactFolders/${erp.id}/contacts`, { method: 'POST', body: { givenName: 'In ERP' } });

    const rootList = await graph.call<Collection<ContactJson>>('/me/contacts');
    const byId = await graph.call<ContactJson>(`/me/contacts/${inErp.id}`);

    expect(rootList.body.value).toEqual([]);
    expect(byId.status).toBe(200);
  });

  it('answers 404 for a contact read through a folder it is not in', async () => {
    const { body: erp } = await createFolder('/me/contactFolders', 'ERP');
    const { body: rootContact } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: { givenName: 'Root' } });

    const answer = await graph.call<GraphErrorBody>(`/me/contactFolders/${erp.id}/contacts/${rootContact.id}`);

    expect(answer.status).toBe(404);
  });

  it('renames a folder with PATCH and deletes it with its contacts', async () => {
    const { body: erp } = await createFolder('/me/contactFolders', 'ERP');
    const { body: contact } = await graph.call<ContactJson>(`/me/contactFolders/${erp.id}/contacts`, { method: 'POST', body: { givenName: 'Gone' } });

    const renamed = await graph.call<ContactFolder>(`/me/contactFolders/${erp.id}`, { method: 'PATCH', body: { displayName: 'ERP sync' } });
    const deleted = await graph.call(`/me/contactFolders/${erp.id}`, { method: 'DELETE' });
    const contactAfter = await graph.call(`/me/contacts/${contact.id}`);

    expect(renamed.body.displayName).toBe('ERP sync');
    expect(deleted.status).toBe(204);
    expect(contactAfter.status).toBe(404);
  });

  it('answers 404 ErrorItemNotFound for an unknown folder', async () => {
    const answer = await graph.call<GraphErrorBody>('/me/contactFolders/AAMkAnotThere=/contacts');

    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('ErrorItemNotFound');
  });
});
