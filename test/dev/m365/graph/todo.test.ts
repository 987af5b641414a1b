import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Collection, type GraphErrorBody, isRemoved, type LinkedResource, type RemovedEntry, type TodoTaskJson, type TodoTaskListJson } from './support/graph-json';
import { type CallOptions, contoso, type GraphAnswer, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
let listId: string;
beforeEach(async () => {
  graph = await startTestGraph();
  const created = await call<TodoTaskListJson>('/me/todo/lists', { method: 'POST', body: { displayName: 'ERP' } });
  listId = created.body.id ?? '';
});
afterEach(() => graph.close());

const call = <Body>(path: string, options: CallOptions = {}): Promise<GraphAnswer<Body>> =>
  graph.call<Body>(path, { token: graph.anaSyncToken, ...options });

const erpLink = { applicationName: 'ERP Bridge', displayName: 'Call back Acme', externalId: 'acme:T-1', webUrl: 'https://erp.contoso.test/actions/T-1' };

async function createTask(body: object): Promise<TodoTaskJson> {
  const answer = await call<TodoTaskJson>(`/me/todo/lists/${listId}/tasks`, { method: 'POST', body });
  expect(answer.status).toBe(201);
  return answer.body;
}

type DeltaPage = Collection<TodoTaskJson | RemovedEntry>;

async function readRound(firstLink: string, headers: Record<string, string> = {}) {
  const pages: GraphAnswer<DeltaPage>[] = [];
  let link: string | undefined = firstLink;
  while (link) {
    const page: GraphAnswer<DeltaPage> = await call<DeltaPage>(link, { headers });
    expect(page.status).toBe(200);
    pages.push(page);
    link = page.body['@odata.nextLink'];
  }
  return { pages, deltaLink: pages.at(-1)?.body['@odata.deltaLink'] ?? '', items: pages.flatMap((page) => page.body.value) };
}

describe('To Do lists', () => {
  it('lists the default list "Tasks" and the lists the user made', async () => {
    const lists = await call<Collection<TodoTaskListJson>>('/me/todo/lists');

    expect(lists.body.value.map((list) => [list.displayName, list.wellknownListName])).toEqual([
      ['Tasks', 'defaultList'],
      ['ERP', 'none'],
    ]);
    expect(lists.body.value[0]?.['@odata.etag']).toMatch(/^W\/".+"$/);
  });
});

describe('To Do tasks', () => {
  it('creates a task with its fields, answers 201, and reads it back', async () => {
    const created = await createTask({
      title: 'Call back Acme',
      body: { content: 'About the offer', contentType: 'text' },
      importance: 'high',
      categories: ['ERP'],
      dueDateTime: { dateTime: '2025-06-10T00:00:00', timeZone: 'Romance Standard Time' },
    });

    const read = await call<TodoTaskJson>(`/me/todo/lists/${listId}/tasks/${created.id}`);

    expect(created).toMatchObject({ title: 'Call back Acme', status: 'notStarted', importance: 'high', categories: ['ERP'], isReminderOn: false });
    expect(created.dueDateTime).toEqual({ dateTime: '2025-06-09T22:00:00.0000000', timeZone: 'UTC' });
    expect(created.completedDateTime).toBeUndefined();
    expect(created['@odata.etag']).toMatch(/^W\/".+"$/);
    expect(read.body).toMatchObject({ id: created.id, body: { content: 'About the offer', contentType: 'text' } });
    expect(read.body.linkedResources).toBeUndefined();
  });

  it('stamps completedDateTime when a task is completed and clears it when reopened', async () => {
    const created = await createTask({ title: 'Send samples' });

    const completed = await call<TodoTaskJson>(`/me/todo/lists/${listId}/tasks/${created.id}`, { method: 'PATCH', body: { status: 'completed' } });
    const reopened = await call<TodoTaskJson>(`/me/todo/lists/${listId}/tasks/${created.id}`, { method: 'PATCH', body: { status: 'inProgress' } });

    expect(completed.body.completedDateTime).toEqual({ dateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/), timeZone: 'UTC' });
    expect(completed.body['@odata.etag']).not.toBe(created['@odata.etag']);
    expect(reopened.body.completedDateTime).toBeUndefined();
  });

  it('keeps a completedDateTime the client sets, in the zone it prefers', async () => {
    const created = await createTask({ title: 'Done', status: 'completed', completedDateTime: { dateTime: '2025-06-02T15:00:00', timeZone: 'UTC' } });

    const inMadrid = await call<TodoTaskJson>(`/me/todo/lists/${listId}/tasks/${created.id}`, { headers: { prefer: 'outlook.timezone="Europe/Madrid"' } });

    expect(inMadrid.body.completedDateTime).toEqual({ dateTime: '2025-06-02T17:00:00.0000000', timeZone: 'Europe/Madrid' });
  });

  it('deletes a task with 204; a task is not found through another list', async () => {
    const created = await createTask({ title: 'Gone' });

    const elsewhere = await call<GraphErrorBody>(`/me/todo/lists/${(await call<Collection<TodoTaskListJson>>('/me/todo/lists')).body.value[0]?.id}/tasks/${created.id}`);
    const deleted = await call(`/me/todo/lists/${listId}/tasks/${created.id}`, { method: 'DELETE' });
    const again = await call<GraphErrorBody>(`/me/todo/lists/${listId}/tasks/${created.id}`);

    expect(elsewhere.status).toBe(404);
    expect(deleted.status).toBe(204);
    expect(again.status).toBe(404);
  });

  it('filters tasks on status and on categories', async () => {
    await createTask({ title: 'Open', categories: ['ERP'] });
    await createTask({ title: 'Closed', status: 'completed', categories: ['ERP'] });
    await createTask({ title: 'Private', categories: [] });

    const open = await call<Collection<TodoTaskJson>>(`/me/todo/lists/${listId}/tasks?$filter=${encodeURIComponent("status ne 'completed' and categories/any(c: c eq 'ERP')")}`);

    expect(open.body.value.map((task) => task.title)).toEqual(['Open']);
  });
});

describe('linked resources', () => {
  it('creates a task with its linked resource in one request, as the reference example does', async () => {
    const created = await createTask({ title: 'Call back Acme', linkedResources: [erpLink] });

    const expanded = await call<TodoTaskJson>(`/me/todo/lists/${listId}/tasks/${created.id}?$expand=linkedResources`);

    expect(created.linkedResources).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...erpLink }]);
    expect(expanded.body.linkedResources).toEqual(created.linkedResources);
  });

  it('adds, reads, changes and deletes linked resources at /tasks/{id}/linkedResources', async () => {
    const task = await createTask({ title: 'Visit' });
    const base = `/me/todo/lists/${listId}/tasks/${task.id}/linkedResources`;

    const added = await call<LinkedResource>(base, { method: 'POST', body: erpLink });
    const changed = await call<LinkedResource>(`${base}/${added.body.id}`, { method: 'PATCH', body: { externalId: 'acme:T-2' } });
    const listed = await call<Collection<LinkedResource>>(base);
    const deleted = await call(`${base}/${added.body.id}`, { method: 'DELETE' });
    const afterDelete = await call<Collection<LinkedResource>>(base);

    expect(added.status).toBe(201);
    expect(changed.body).toMatchObject({ id: added.body.id, externalId: 'acme:T-2', applicationName: 'ERP Bridge' });
    expect(listed.body.value).toEqual([{ id: added.body.id, ...erpLink, externalId: 'acme:T-2' }]);
    expect(deleted.status).toBe(204);
    expect(afterDelete.body.value).toEqual([]);
  });
});

describe('To Do task delta', () => {
  it('returns the list in pages, with linked resources when the first request expands them', async () => {
    for (let index = 0; index < 3; index += 1) await createTask({ title: `Task ${index}`, linkedResources: [{ ...erpLink, externalId: `acme:T-${index}` }] });

    const round = await readRound(`/me/todo/lists/${listId}/tasks/delta?$expand=linkedResources`, { prefer: 'odata.maxpagesize=2' });

    expect(round.pages.map((page) => page.body.value.length)).toEqual([2, 1]);
    expect(round.deltaLink).toMatch(/\/todo\/lists\/[^/]+\/tasks\/delta\?\$deltatoken=\S+$/);
    expect(round.items.flatMap((item) => (isRemoved(item) ? [] : (item.linkedResources ?? []).map((link) => link.externalId)))).toEqual([
      'acme:T-0',
      'acme:T-1',
      'acme:T-2',
    ]);
  });

  it('returns only the changes since the deltaLink; a new linked resource changes its task', async () => {
    const changed = await createTask({ title: 'Changed' });
    const linked = await createTask({ title: 'Linked later' });
    const deleted = await createTask({ title: 'Deleted' });
    await createTask({ title: 'Untouched' });
    const initial = await readRound(`/me/todo/lists/${listId}/tasks/delta`);
    await call(`/me/todo/lists/${listId}/tasks/${changed.id}`, { method: 'PATCH', body: { status: 'completed' } });
    await call(`/me/todo/lists/${listId}/tasks/${linked.id}/linkedResources`, { method: 'POST', body: erpLink });
    await call(`/me/todo/lists/${listId}/tasks/${deleted.id}`, { method: 'DELETE' });

    const next = await readRound(initial.deltaLink);

    expect(next.items.flatMap((item) => (isRemoved(item) ? [] : [item.title])).sort()).toEqual(['Changed', 'Linked later']);
    expect(next.items.filter(isRemoved)).toEqual([{ '@odata.type': '#microsoft.graph.todoTask', id: deleted.id, '@removed': { reason: 'deleted' } }]);
  });

  it('answers an expired token with 410 syncStateNotFound, and a token of another list too', async () => {
    await createTask({ title: 'One' });
    const initial = await readRound(`/me/todo/lists/${listId}/tasks/delta`);
    const defaultListId = (await call<Collection<TodoTaskListJson>>('/me/todo/lists')).body.value[0]?.id ?? '';
    const token = new URL(initial.deltaLink).searchParams.get('$deltatoken') ?? '';

    const otherList = await call<GraphErrorBody>(`/me/todo/lists/${defaultListId}/tasks/delta?$deltatoken=${token}`);
    graph.emulator.admin.expireDeltaTokens(contoso.ana.id);
    const expired = await call<GraphErrorBody>(initial.deltaLink);

    expect(otherList.status).toBe(410);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('syncStateNotFound');
    expect(expired.headers.get('location')).toMatch(/\/tasks\/delta\?\$deltatoken=$/);
  });

  it('refuses $filter on receivedDateTime, which the reference page lists but a task does not have', async () => {
    const answer = await call<GraphErrorBody>(`/me/todo/lists/${listId}/tasks/delta?$filter=${encodeURIComponent('receivedDateTime ge 2025-01-01')}`);

    expect(answer.status).toBe(400);
  });
});

describe('To Do permissions', () => {
  it('answers 403 ErrorAccessDenied without a Tasks scope, and lets Tasks.Read read but not write', async () => {
    const reader = await graph.tokens.delegated({ tenantId: contoso.tenantId, userId: contoso.ana.id, scopes: ['Tasks.Read'] });

    const noScope = await graph.call<GraphErrorBody>('/me/todo/lists', { token: graph.anaToken });
    const read = await graph.call('/me/todo/lists', { token: reader });
    const write = await graph.call<GraphErrorBody>(`/me/todo/lists/${listId}/tasks`, { token: reader, method: 'POST', body: { title: 'No' } });

    expect(noScope.status).toBe(403);
    expect(noScope.body.error.code).toBe('ErrorAccessDenied');
    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
  });

  it('lets an app with Tasks.ReadWrite.All write tasks of any user of its tenant, and refuses Tasks.ReadWrite as a role', async () => {
    const wrongRole = await graph.tokens.application({ tenantId: contoso.tenantId, roles: ['Tasks.ReadWrite'] });

    const lists = await graph.call<Collection<TodoTaskListJson>>(`/users/${contoso.ben.id}/todo/lists`, { token: graph.appSyncToken });
    const created = await graph.call(`/users/${contoso.ben.id}/todo/lists/${lists.body.value[0]?.id}/tasks`, { token: graph.appSyncToken, method: 'POST', body: { title: 'By app' } });
    const refused = await graph.call<GraphErrorBody>(`/users/${contoso.ben.id}/todo/lists`, { token: wrongRole });

    expect(created.status).toBe(201);
    expect(refused.status).toBe(403);
  });
});
