import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchAnswer, Collection, ContactFolder, ContactJson, DeltaItem } from './support/graph-json';
import { jsonShape } from './support/json-shape';
import { readFixture } from './support/read-fixture';
import { contoso, startTestGraph, type TestGraph } from './support/start-test-graph';

interface RecordedExchange {
  request: { body?: object };
  response: { status: number; body: object };
}
type RecordedDelta = RecordedExchange & { removedEntry: object; finalPage: object };
interface RecordedBatch {
  response: { body: { responses: { id: string; headers: Record<string, string>; body: object }[] } };
}

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

describe("the emulator's answers have the shape of Microsoft's documented examples", () => {
  it('create contact: at least the documented properties, with the same types', async () => {
    const recorded = readFixture<RecordedExchange>('contact-create.json');

    const answer = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: recorded.request.body });

    expect(answer.status).toBe(recorded.response.status);
    expect(jsonShape(answer.body)).toMatchObject(jsonShape(recorded.response.body));
    expect(answer.body.displayName).toBe('Pavel Bansky');
  });

  it('get contact: exactly the documented properties, with the same types, nulls included', async () => {
    const recorded = readFixture<RecordedExchange>('contact-get.json');
    const { body: created } = await graph.call<ContactJson>('/me/contacts', {
      method: 'POST',
      body: { givenName: 'Alex', surname: 'Wilber', emailAddresses: [{ name: 'Alex@FineArtSchool.net', address: 'Alex@FineArtSchool.net' }] },
    });

    const answer = await graph.call<ContactJson>(`/me/contacts/${created.id}`);

    expect(jsonShape(answer.body)).toEqual(jsonShape(recorded.response.body));
    expect(Object.keys(answer.body)).toEqual(Object.keys(recorded.response.body));
  });

  it('contact delta: pages, items and @removed entries of the documented shape', async () => {
    const recorded = readFixture<RecordedDelta>('contact-delta.json');
    const { body: folder } = await graph.call<ContactFolder>('/me/contactFolders', { method: 'POST', body: { displayName: 'ERP' } });
    const contact = { birthday: '2016-10-19T10:37:00Z', fileAs: 'Filed', displayName: 'Shown', givenName: 'Given', initials: 'G.' };
    const created = [];
    for (let index = 0; index < 3; index += 1) {
      created.push((await graph.call<ContactJson>(`/me/contactFolders/${folder.id}/contacts`, { method: 'POST', body: contact })).body);
    }

    const first = await graph.call<Collection<DeltaItem>>(`/me/contactFolders/${folder.id}/contacts/delta`, { headers: { prefer: 'odata.maxpagesize=2' } });
    const last = await graph.call<Collection<DeltaItem>>(first.body['@odata.nextLink'] ?? '', { headers: { prefer: 'odata.maxpagesize=2' } });
    await graph.call(`/me/contacts/${created[0]?.id}`, { method: 'DELETE' });
    const next = await graph.call<Collection<DeltaItem>>(last.body['@odata.deltaLink'] ?? '');

    expect(jsonShape(first.body)).toMatchObject(jsonShape(recorded.response.body));
    expect(jsonShape(last.body, 1)).toMatchObject(jsonShape(recorded.finalPage, 1));
    expect(jsonShape(next.body.value[0])).toEqual(jsonShape(recorded.removedEntry));
  });

  it('batch: the documented envelope, item headers, and error body of a refused request', async () => {
    const recorded = readFixture<RecordedBatch>('batch-response.json');
    const [listed, denied] = recorded.response.body.responses;
    for (const givenName of ['One', 'Two']) await graph.call('/me/contacts', { method: 'POST', body: { givenName } });

    const answer = await graph.call<BatchAnswer>('/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'GET', url: `/users/${contoso.ana.id}/contacts?$top=1` },
          { id: '3', method: 'GET', url: `/users/${contoso.ben.id}` },
        ],
      },
    });
    const ours = new Map(answer.body.responses.map((response) => [response.id, response]));

    expect(jsonShape(answer.body, 3)).toEqual(jsonShape(recorded.response.body, 3));
    expect(jsonShape(ours.get('1')?.body, 1)).toEqual(jsonShape(listed?.body, 1));
    const documentedHeaders = Object.keys(listed?.headers ?? {}).filter((name) => name !== 'x-ms-resource-unit');
    expect(Object.keys(ours.get('1')?.headers ?? {})).toEqual(expect.arrayContaining(documentedHeaders));
    expect(ours.get('3')?.status).toBe(403);
    expect(jsonShape(ours.get('3')?.body)).toEqual(jsonShape(denied?.body));
  });
});
