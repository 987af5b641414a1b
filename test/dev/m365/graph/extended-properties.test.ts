import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection, ContactJson, GraphErrorBody } from './support/graph-json';
import { startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

const erpId = 'String {8ECCC264-6880-4EBE-992F-8888D2EEAA1D} Name ErpId';
const expandErpId = `$expand=singleValueExtendedProperties($filter=id eq '${erpId}')`;
const filterErpId = (value: string) =>
  `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '${erpId}' and ep/value eq '${value}')`;

async function createTagged(givenName: string, tag: string): Promise<ContactJson> {
  const { body } = await graph.call<ContactJson>('/me/contacts', {
    method: 'POST',
    body: { givenName, singleValueExtendedProperties: [{ id: erpId, value: tag }] },
  });
  return body;
}

describe('single-value extended properties on contacts', () => {
  it('stores the property on create but writes it only when $expand names it', async () => {
    const created = await createTagged('Tagged', 'acme:C-1');

    const plain = await graph.call<ContactJson>(`/me/contacts/${created.id}`);
    const expanded = await graph.call<ContactJson>(`/me/contacts/${created.id}?${expandErpId}`);

    expect(created.singleValueExtendedProperties).toBeUndefined();
    expect(plain.body.singleValueExtendedProperties).toBeUndefined();
    expect(expanded.body.singleValueExtendedProperties).toEqual([{ id: erpId, value: 'acme:C-1' }]);
  });

  it('finds contacts by id and value with $filter=singleValueExtendedProperties/Any(…), value ignoring case', async () => {
    const wanted = await createTagged('Wanted', 'acme:C-1');
    await createTagged('Other', 'acme:C-2');
    await graph.call('/me/contacts', { method: 'POST', body: { givenName: 'Untagged' } });

    const found = await graph.call<Collection<ContactJson>>(`/me/contacts?${filterErpId('ACME:c-1')}`);

    expect(found.body.value.map((contact) => contact.id)).toEqual([wanted.id]);
    expect(found.body.value[0]?.singleValueExtendedProperties).toBeUndefined();
  });

  it('matches the GUID of the id without regard to case but the Name exactly', async () => {
    const created = await createTagged('Tagged', 'acme:C-1');
    const lowerGuid = erpId.replace('8ECCC264-6880-4EBE-992F-8888D2EEAA1D', '8eccc264-6880-4ebe-992f-8888d2eeaa1d');
    const otherName = erpId.replace('Name ErpId', 'Name erpid');

    const byLowerGuid = await graph.call<ContactJson>(`/me/contacts/${created.id}?$expand=singleValueExtendedProperties($filter=id eq '${lowerGuid}')`);
    const byOtherName = await graph.call<ContactJson>(`/me/contacts/${created.id}?$expand=singleValueExtendedProperties($filter=id eq '${otherName}')`);

    expect(byLowerGuid.body.singleValueExtendedProperties).toEqual([{ id: erpId, value: 'acme:C-1' }]);
    expect(byOtherName.body.singleValueExtendedProperties).toBeUndefined();
  });

  it('expands the property on every item of a list, and combines $filter with $expand', async () => {
    await createTagged('One', 'acme:C-1');
    await createTagged('Two', 'acme:C-2');

    const listed = await graph.call<Collection<ContactJson>>(`/me/contacts?${filterErpId('acme:C-2')}&${expandErpId}`);

    expect(listed.body.value.map((contact) => contact.singleValueExtendedProperties)).toEqual([[{ id: erpId, value: 'acme:C-2' }]]);
  });

  it('sets or replaces the property with PATCH and changes the etag', async () => {
    const { body: plain } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: { givenName: 'Later' } });

    const tagged = await graph.call<ContactJson>(`/me/contacts/${plain.id}`, {
      method: 'PATCH',
      body: { singleValueExtendedProperties: [{ id: erpId, value: 'acme:C-9' }] },
    });
    const found = await graph.call<Collection<ContactJson>>(`/me/contacts?${filterErpId('acme:C-9')}`);

    expect(tagged.body.changeKey).not.toBe(plain.changeKey);
    expect(found.body.value.map((contact) => contact.id)).toEqual([plain.id]);
  });

  it('refuses a malformed extended property id with 400', async () => {
    const answer = await graph.call<GraphErrorBody>('/me/contacts', {
      method: 'POST',
      body: { givenName: 'Bad', singleValueExtendedProperties: [{ id: 'ErpId', value: 'x' }] },
    });

    expect(answer.status).toBe(400);
  });

  it('refuses a $filter it does not understand with 400 ErrorInvalidUrlQueryFilter', async () => {
    const answer = await graph.call<GraphErrorBody>(`/me/contacts?$filter=singleValueExtendedProperties/Any(ep: ep/value eq 'x')`);

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('ErrorInvalidUrlQueryFilter');
  });
});
