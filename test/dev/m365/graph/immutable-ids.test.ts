import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Collection, type ContactFolder, type ContactJson, type DeltaItem, isRemoved } from './support/graph-json';
import { startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

const immutable = { prefer: 'IdType="ImmutableId"' };

describe('Prefer: IdType="ImmutableId"', () => {
  it('answers with an immutable id, says so in Preference-Applied, and accepts either id afterwards', async () => {
    const created = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: { givenName: 'Ida' }, headers: immutable });
    const { body: asRest } = await graph.call<ContactJson>(`/me/contacts/${created.body.id}`);

    const byRestId = await graph.call<ContactJson>(`/me/contacts/${asRest.id}`, { headers: immutable });

    expect(created.headers.get('preference-applied')).toBe('IdType="ImmutableId"');
    expect(asRest.id).not.toBe(created.body.id);
    expect(byRestId.body.id).toBe(created.body.id);
  });

  it('applies only to the request that carries it', async () => {
    const created = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: { givenName: 'Ida' }, headers: immutable });

    const plain = await graph.call<Collection<ContactJson>>('/me/contacts');

    expect(plain.headers.get('preference-applied')).toBeNull();
    expect(plain.body.value[0]?.id).not.toBe(created.body.id);
  });

  it('keeps the immutable id when the contact moves to another folder, while the REST id changes', async () => {
    const { body: archive } = await graph.call<ContactFolder>('/me/contactFolders', { method: 'POST', body: { displayName: 'Archive' } });
    const { body: created } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: { givenName: 'Mo' }, headers: immutable });
    const { body: before } = await graph.call<ContactJson>(`/me/contacts/${created.id}`);

    graph.emulator.admin.moveContact('ana@contoso.test', created.id ?? '', archive.id ?? '');
    const byImmutable = await graph.call<ContactJson>(`/me/contacts/${created.id}`, { headers: immutable });
    const byOldRestId = await graph.call(`/me/contacts/${before.id}`);
    const { body: after } = await graph.call<ContactJson>(`/me/contacts/${created.id}`);

    expect(byImmutable.body).toMatchObject({ id: created.id, parentFolderId: archive.id });
    expect(byOldRestId.status).toBe(404);
    expect(after.id).not.toBe(before.id);
  });

  it('writes delta items and removals with immutable ids when the delta request asks for them', async () => {
    const { body: erp } = await graph.call<ContactFolder>('/me/contactFolders', { method: 'POST', body: { displayName: 'ERP' } });
    const { body: created } = await graph.call<ContactJson>(`/me/contactFolders/${erp.id}/contacts`, {
      method: 'POST',
      body: { givenName: 'Del' },
      headers: immutable,
    });
    const initial = await graph.call<Collection<DeltaItem>>(`/me/contactFolders/${erp.id}/contacts/delta`, { headers: immutable });
    await graph.call(`/me/contacts/${created.id}`, { method: 'DELETE' });

    const next = await graph.call<Collection<DeltaItem>>(initial.body['@odata.deltaLink'] ?? '', { headers: immutable });

    expect(initial.body.value.map((item) => item.id)).toEqual([created.id]);
    expect(next.body.value.map((item) => [item.id, isRemoved(item)])).toEqual([[created.id, true]]);
    expect(next.headers.get('preference-applied')).toBe('IdType="ImmutableId"');
  });
});
