import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchAnswer, Collection, ContactFolder, ContactJson, GraphErrorBody } from './support/graph-json';
import { contoso, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

const json = { 'Content-Type': 'application/json' };
const byId = (answer: BatchAnswer) => new Map(answer.responses.map((response) => [response.id, response]));

describe('JSON batching', () => {
  it('answers each request on its own: status, headers and body, under a 200 for the batch', async () => {
    const { body: existing } = await graph.call<ContactJson>('/me/contacts', { method: 'POST', body: { givenName: 'Existing' } });

    const answer = await graph.call<BatchAnswer>('/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'POST', url: '/me/contacts', headers: json, body: { givenName: 'Created' } },
          { id: '2', method: 'GET', url: `me/contacts/${existing.id}?$select=givenName` },
          { id: '3', method: 'GET', url: '/me/contacts/AAMkAmissing=' },
          { id: '4', method: 'POST', url: '/me/contacts', headers: json, body: { nickname: 'typo' } },
          { id: '5', method: 'DELETE', url: `/me/contacts/${existing.id}` },
        ],
      },
    });

    expect(answer.status).toBe(200);
    const responses = byId(answer.body);
    expect(responses.get('1')).toMatchObject({ status: 201, headers: { 'Content-Type': expect.stringContaining('application/json') } });
    expect(responses.get('1')?.body).toMatchObject({ givenName: 'Created' });
    expect(responses.get('2')).toMatchObject({ status: 200, body: { givenName: 'Existing', id: existing.id } });
    expect(responses.get('3')).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
    expect(responses.get('4')).toMatchObject({ status: 400, body: { error: { code: 'RequestBodyRead' } } });
    expect(responses.get('5')).toMatchObject({ status: 204 });
    expect(responses.get('5')?.body).toBeUndefined();
  });

  it('runs dependsOn chains in order', async () => {
    const answer = await graph.call<BatchAnswer>('/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: 'list', dependsOn: ['create'], method: 'GET', url: "/me/contactFolders?$filter=displayName eq 'ERP'" },
          { id: 'create', method: 'POST', url: '/me/contactFolders', headers: json, body: { displayName: 'ERP' } },
        ],
      },
    });

    expect(answer.body.responses.map((response) => response.id)).toEqual(['create', 'list']);
    const list = byId(answer.body).get('list')?.body;
    expect(list).toMatchObject({ value: [{ displayName: 'ERP' }] });
  });

  it('answers 424 for a request whose dependency failed, without running it', async () => {
    const answer = await graph.call<BatchAnswer>('/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'POST', url: '/me/contactFolders', headers: json, body: { displayName: '' } },
          { id: '2', dependsOn: ['1'], method: 'POST', url: '/me/contacts', headers: json, body: { givenName: 'Never' } },
          { id: '3', dependsOn: ['2'], method: 'GET', url: '/me/contacts' },
        ],
      },
    });
    const contacts = await graph.call<Collection<ContactJson>>('/me/contacts');

    expect(answer.body.responses.map((response) => [response.id, response.status])).toEqual([
      ['1', 400],
      ['2', 424],
      ['3', 424],
    ]);
    expect(contacts.body.value).toEqual([]);
  });

  it('refuses a batch of more than 20 requests with 400', async () => {
    const requests = Array.from({ length: 21 }, (_, index) => ({ id: String(index + 1), method: 'GET', url: '/me/contacts' }));

    const answer = await graph.call<GraphErrorBody>('/$batch', { method: 'POST', body: { requests } });

    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('20');
  });

  it('refuses duplicate ids, a body without Content-Type and more than one dependency with 400', async () => {
    const duplicate = [
      { id: 'a', method: 'GET', url: '/me/contacts' },
      { id: 'A', method: 'GET', url: '/me/contacts' },
    ];
    const noContentType = [{ id: '1', method: 'POST', url: '/me/contacts', body: { givenName: 'X' } }];
    const twoDependencies = [
      { id: '1', method: 'GET', url: '/me/contacts' },
      { id: '2', method: 'GET', url: '/me/contacts' },
      { id: '3', dependsOn: ['1', '2'], method: 'GET', url: '/me/contacts' },
    ];

    for (const requests of [duplicate, noContentType, twoDependencies]) {
      const answer = await graph.call('/$batch', { method: 'POST', body: { requests } });
      expect(answer.status).toBe(400);
    }
  });

  it('evaluates each request against the throttling limits: over the concurrency limit they get 429 with Retry-After', async () => {
    graph.emulator.admin.setThrottling({ concurrentRequests: 2 });
    graph.emulator.admin.setLatencyMs(100);
    const requests = Array.from({ length: 4 }, (_, index) => ({ id: String(index + 1), method: 'GET', url: '/me/contacts' }));

    const answer = await graph.call<BatchAnswer>('/$batch', { method: 'POST', body: { requests } });

    const statuses = answer.body.responses.map((response) => response.status).sort();
    expect(answer.status).toBe(200);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const throttled = answer.body.responses.find((response) => response.status === 429);
    expect(throttled?.headers['Retry-After']).toMatch(/^\d+(\.\d+)?$/);
    expect(throttled?.body).toMatchObject({ error: { code: 'ApplicationThrottled' } });
    expect(graph.emulator.admin.counters().mailboxes[contoso.ana.id]).toMatchObject({ requests: 2, throttled: 2, peakConcurrency: 2 });
  });

  it('counts every request of a batch against the request budget', async () => {
    graph.emulator.admin.setThrottling({ requestsPerWindow: 3 });
    const requests = Array.from({ length: 5 }, (_, index) => ({ id: String(index + 1), dependsOn: index > 0 ? [String(index)] : undefined, method: 'GET', url: '/me/contactFolders' }));

    const answer = await graph.call<BatchAnswer>('/$batch', { method: 'POST', body: { requests } });

    expect(answer.body.responses.map((response) => response.status)).toEqual([200, 200, 200, 429, 424]);
  });

  it('counts each request of a batch in the mailbox counters, writes apart', async () => {
    const requests = [
      { id: '1', method: 'GET', url: '/me/contactFolders' },
      { id: '2', method: 'POST', url: '/me/contacts', headers: json, body: { givenName: 'Íñigo' } },
      { id: '3', method: 'POST', url: '/me/contacts', headers: json, body: { givenName: 'Chloé' } },
    ];

    await graph.call<BatchAnswer>('/$batch', { method: 'POST', body: { requests } });

    expect(graph.emulator.admin.counters()).toMatchObject({ batches: 1, requests: 4, mailboxes: { [contoso.ana.id]: { requests: 3, writes: 2 } } });
  });

  it('answers a request made with an absolute URL with 400, since batch URLs are relative', async () => {
    const answer = await graph.call<BatchAnswer>('/$batch', {
      method: 'POST',
      body: { requests: [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me/contacts' }] },
    });

    expect(byId(answer.body).get('1')?.status).toBe(400);
  });

  it('checks the batch token once for the batch: without one the whole batch is 401', async () => {
    const answer = await graph.call<GraphErrorBody>('/$batch', {
      method: 'POST',
      token: null,
      body: { requests: [{ id: '1', method: 'GET', url: '/me/contacts' }] },
    });

    expect(answer.status).toBe(401);
  });

  it('lets a request of the batch address a folder created earlier in the same chain', async () => {
    const { body: folder } = await graph.call<ContactFolder>('/me/contactFolders', { method: 'POST', body: { displayName: 'ERP' } });

    const answer = await graph.call<BatchAnswer>('/$batch', {
      method: 'POST',
      body: {
        requests: Array.from({ length: 20 }, (_, index) => ({
          id: String(index + 1),
          method: 'POST',
          url: `/me/contactFolders/${folder.id}/contacts`,
          headers: json,
          body: { givenName: `Batch ${index}` },
        })),
      },
    });
    const listed = await graph.call<Collection<ContactJson>>(`/me/contactFolders/${folder.id}/contacts?$top=50`);

    expect(answer.body.responses.every((response) => response.status === 201)).toBe(true);
    expect(listed.body.value).toHaveLength(20);
  });
});
