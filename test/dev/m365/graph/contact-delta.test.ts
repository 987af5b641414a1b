import type { Contact } from '@microsoft/microsoft-graph-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Collection, type ContactJson, type DeltaItem, type GraphErrorBody, isRemoved } from './support/graph-json';
import { contoso, type GraphAnswer, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
let folderId: string;

const people = (count: number): Contact[] =>
  Array.from({ length: count }, (_, index) => ({ givenName: `Person ${index}`, surname: 'Delta', companyName: 'Acme' }));

beforeEach(async () => {
  graph = await startTestGraph();
  const mailbox = graph.emulator.admin.addMailbox(contoso.tenantId, {
    id: 'd0d0d0d0-0000-4000-8000-00000000000d',
    userPrincipalName: 'dora@contoso.test',
    contactFolders: [{ displayName: 'ERP', contacts: people(250) }],
  });
  folderId = mailbox.folders.find((folder) => folder.displayName === 'ERP')?.id ?? '';
});
afterEach(() => graph.close());

const doraToken = () =>
  graph.tokens.delegated({ tenantId: contoso.tenantId, userId: 'd0d0d0d0-0000-4000-8000-00000000000d', scopes: ['Contacts.ReadWrite'] });

type DeltaPage = Collection<DeltaItem>;

/** Follows nextLinks to the end of a round; returns the pages and the round's deltaLink. */
async function readRound(firstLink: string, token: string, headers: Record<string, string> = {}) {
  const pages: GraphAnswer<DeltaPage>[] = [];
  let link: string | undefined = firstLink;
  while (link) {
    const page: GraphAnswer<DeltaPage> = await graph.call<DeltaPage>(link, { token, headers });
    expect(page.status).toBe(200);
    pages.push(page);
    link = page.body['@odata.nextLink'];
  }
  const deltaLink = pages.at(-1)?.body['@odata.deltaLink'] ?? '';
  return { pages, deltaLink, items: pages.flatMap((page) => page.body.value) };
}

const maxPageSize100 = { prefer: 'odata.maxpagesize=100' };

describe('contact delta of a folder', () => {
  it('returns an initial round of 250 contacts in pages of 100, 100 and 50, then a deltaLink', async () => {
    const token = await doraToken();

    const round = await readRound(`/me/contactFolders/${folderId}/contacts/delta`, token, maxPageSize100);

    expect(round.pages.map((page) => page.body.value.length)).toEqual([100, 100, 50]);
    expect(round.pages.slice(0, 2).every((page) => page.body['@odata.deltaLink'] === undefined)).toBe(true);
    expect(round.pages[2]?.body['@odata.nextLink']).toBeUndefined();
    expect(round.deltaLink).toMatch(/\/contactFolders\/[^/]+\/contacts\/delta\?\$deltatoken=\S+$/);
    expect(new Set(round.items.map((item) => item.id)).size).toBe(250);
    expect(round.pages[0]?.headers.get('preference-applied')).toBe('odata.maxpagesize=100');
  });

  it('uses pages of 10 when no page size is asked for', async () => {
    const first = await graph.call<DeltaPage>(`/me/contactFolders/${folderId}/contacts/delta`, { token: await doraToken() });

    expect(first.body.value).toHaveLength(10);
    expect(first.headers.get('preference-applied')).toBeNull();
  });

  it('returns only the changes since the deltaLink: an update and a deletion', async () => {
    const token = await doraToken();
    const initial = await readRound(`/me/contactFolders/${folderId}/contacts/delta`, token, maxPageSize100);
    const [changed, deleted] = initial.items;
    await graph.call(`/me/contacts/${changed?.id}`, { method: 'PATCH', body: { jobTitle: 'Buyer' }, token });
    await graph.call(`/me/contacts/${deleted?.id}`, { method: 'DELETE', token });

    const next = await readRound(initial.deltaLink, token, maxPageSize100);

    expect(next.items).toHaveLength(2);
    const update = next.items.find((item) => item.id === changed?.id);
    expect(update && !isRemoved(update) ? update.jobTitle : undefined).toBe('Buyer');
    expect(next.items.find((item) => item.id === deleted?.id)).toEqual({
      '@odata.type': '#microsoft.graph.contact',
      id: deleted?.id,
      '@removed': { reason: 'deleted' },
    });
  });

  it('returns an empty page and a new deltaLink when nothing changed', async () => {
    const token = await doraToken();
    const initial = await readRound(`/me/contactFolders/${folderId}/contacts/delta`, token, maxPageSize100);

    const quiet = await readRound(initial.deltaLink, token);

    expect(quiet.pages).toHaveLength(1);
    expect(quiet.items).toEqual([]);
    expect(quiet.deltaLink).not.toBe('');
  });

  it('answers a replayed deltaLink and a replayed nextLink with the same changes', async () => {
    const token = await doraToken();
    const initial = await readRound(`/me/contactFolders/${folderId}/contacts/delta`, token, maxPageSize100);
    const target = initial.items[3];
    await graph.call(`/me/contacts/${target?.id}`, { method: 'PATCH', body: { jobTitle: 'Buyer' }, token });

    const first = await readRound(initial.deltaLink, token);
    const replay = await readRound(initial.deltaLink, token);
    const firstPage = await graph.call<DeltaPage>(`/me/contactFolders/${folderId}/contacts/delta`, { token, headers: maxPageSize100 });
    const nextLink = firstPage.body['@odata.nextLink'] ?? '';
    const page = await graph.call<DeltaPage>(nextLink, { token, headers: maxPageSize100 });
    const samePage = await graph.call<DeltaPage>(nextLink, { token, headers: maxPageSize100 });

    expect(replay.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    expect(first.items.map((item) => item.id)).toEqual([target?.id]);
    expect(samePage.body.value.map((item) => item.id)).toEqual(page.body.value.map((item) => item.id));
    expect(samePage.body['@odata.nextLink']).toBe(page.body['@odata.nextLink']);
  });

  it('answers an expired deltaLink with 410 syncStateNotFound and the initial URL in Location', async () => {
    const token = await doraToken();
    const initial = await readRound(`/me/contactFolders/${folderId}/contacts/delta`, token, maxPageSize100);
    graph.emulator.admin.expireDeltaTokens('dora@contoso.test');

    const expired = await graph.call<GraphErrorBody>(initial.deltaLink, { token });

    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('syncStateNotFound');
    expect(expired.headers.get('location')).toMatch(/\/contacts\/delta\?\$deltatoken=$/);
    const restarted = await readRound(expired.headers.get('location') ?? '', token, maxPageSize100);
    expect(restarted.items).toHaveLength(250);
  });

  it('answers an unknown token with 410 as well', async () => {
    const answer = await graph.call<GraphErrorBody>(`/me/contactFolders/${folderId}/contacts/delta?$skiptoken=not-a-token`, {
      token: await doraToken(),
    });

    expect(answer.status).toBe(410);
    expect(answer.body.error.code).toBe('syncStateNotFound');
  });

  it('keeps the $select of the first request in the links of the round and the next round', async () => {
    const token = await doraToken();

    const initial = await readRound(`/me/contactFolders/${folderId}/contacts/delta?$select=givenName`, token, maxPageSize100);
    await graph.call(`/me/contacts/${initial.items[0]?.id}`, { method: 'PATCH', body: { jobTitle: 'Buyer' }, token });
    const next = await readRound(initial.deltaLink, token);

    for (const item of [...initial.items, ...next.items]) {
      expect(Object.keys(item).sort()).toEqual(['@odata.etag', 'givenName', 'id']);
    }
  });

  it('reports a contact moved out of the folder as removed, and a contact added while paging in the next round', async () => {
    const token = await doraToken();
    const { body: other } = await graph.call<{ id: string }>('/me/contactFolders', { method: 'POST', body: { displayName: 'Other' }, token });
    const firstPage = await graph.call<DeltaPage>(`/me/contactFolders/${folderId}/contacts/delta`, { token, headers: maxPageSize100 });
    const { body: added } = await graph.call<ContactJson>(`/me/contactFolders/${folderId}/contacts`, {
      method: 'POST',
      body: { givenName: 'Late' },
      token,
    });
    const rest = await readRound(firstPage.body['@odata.nextLink'] ?? '', token, maxPageSize100);
    const moved = firstPage.body.value[0];
    graph.emulator.admin.moveContact('dora@contoso.test', moved?.id ?? '', other.id);

    const next = await readRound(rest.deltaLink, token);

    expect([...firstPage.body.value, ...rest.items].map((item) => item.id)).not.toContain(added.id);
    expect(next.items.map((item) => [item.id, isRemoved(item)])).toEqual(
      expect.arrayContaining([
        [added.id, false],
        [moved?.id, true],
      ]),
    );
  });

  it('refuses /me/contacts/delta, which v1.0 offers only per folder', async () => {
    const answer = await graph.call<GraphErrorBody>('/me/contacts/delta', { token: await doraToken() });

    expect(answer.status).toBe(400);
  });
});
