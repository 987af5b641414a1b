import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGraphTaskList } from '../../../../src/graph/todo/create-graph-task-list';
import { readGraphDueDate } from '../../../../src/graph/todo/read-graph-due-date';
import type { OutlookTaskList, TaskListTarget } from '../../../../src/sync/tasks/outlook-task-list';
import { graphPagingDefaults } from '../../../../dev/m365/graph/graph-paging';
import { type GatewayTest, startGatewayTest } from '../support/start-gateway-test';

let test: GatewayTest;
let todo: OutlookTaskList;
let target: TaskListTarget;
beforeEach(async () => {
  test = await startGatewayTest({ emulator: { paging: { ...graphPagingDefaults, deltaMaxPageSize: 5 } }, syncRoles: true });
  todo = createGraphTaskList(test.client, test.mailbox, { applicationName: 'ERP Bridge', recordUrl: (erpId) => `https://erp.acme.test/actions/${erpId}` });
  target = { listId: (await todo.createList('ERP')).id };
});
afterEach(() => test.close());

const content = { title: 'Llamar a Núñez', notes: 'Texto <b>no</b> HTML', dueDate: '2026-03-29', completed: false };
const graphTasks = () => test.graph.emulator.admin.readMailbox(test.mailbox).tasks.filter((task) => task.listId === target.listId);
const posts = () => test.sent.filter((request) => request.method === 'POST');

describe('the To Do list over Graph', () => {
  it('finds a list by name ignoring case, and by id', async () => {
    const found = await todo.findListByName(' erp ');

    expect(found).toMatchObject({ id: target.listId, displayName: 'ERP', isShared: false });
    expect(await todo.findList(target.listId)).toMatchObject({ id: target.listId });
    expect(await todo.findListByName('Ventas')).toBeUndefined();
  });

  it('creates a task with its category, text body, due date and linked resource in one request', async () => {
    const sentBefore = posts().length;
    const [answer] = await todo.write(target, [{ kind: 'create', content, tag: 'acme:A-1' }]);

    expect(answer).toMatchObject({ ok: true });
    expect(posts().length - sentBefore).toBe(1);
    const [task] = graphTasks();
    expect(task).toMatchObject({
      title: 'Llamar a Núñez', body: { contentType: 'text', content: 'Texto <b>no</b> HTML' }, categories: ['ERP'], importance: 'normal', status: 'notStarted',
      dueDateTime: { dateTime: '2026-03-29T00:00:00.0000000', timeZone: 'UTC' },
      linkedResources: [{ applicationName: 'ERP Bridge', displayName: 'Llamar a Núñez', externalId: 'acme:A-1', webUrl: 'https://erp.acme.test/actions/A-1' }],
    });
    expect(answer?.ok && answer.id).toBe(task?.id);
  });

  it('reads a delta round over several pages, then only what changed, with the tags of the linked resources', async () => {
    await todo.write(target, Array.from({ length: 12 }, (_, index) => ({ kind: 'create' as const, content: { ...content, title: `T${index}` }, tag: `acme:A-${index}` })));

    const first = await todo.readChanges(target, undefined);
    const [one, two] = first.changed;
    await todo.write(target, [{ kind: 'update', outlookId: one?.id ?? '', changeKey: one?.changeKey ?? '', changes: { completed: true, dueDate: null } }, { kind: 'remove', outlookId: two?.id ?? '' }]);
    const second = await todo.readChanges(target, first.deltaLink);

    expect(first.changed).toHaveLength(12);
    expect(first.changed.map((task) => task.tag)).toContain('acme:A-11');
    expect(second.changed).toMatchObject([{ id: one?.id, completed: true, dueDate: null, tag: one?.tag }]);
    expect(second.removed).toEqual([two?.id]);
    expect(test.sent.filter((request) => request.url.includes('/delta')).length).toBeGreaterThanOrEqual(4);
  });

  it('tags a task the user made with a linked resource to the ERP action made from it', async () => {
    const made = await test.client.request<{ id: string }>('POST', `/users/${test.mailbox}/todo/lists/${target.listId}/tasks`, { body: { title: 'Mía', categories: ['ERP'] } });

    const [answer] = await todo.write(target, [{ kind: 'tag', outlookId: made.id, tag: 'acme:A-9', title: 'Mía' }]);

    expect(answer).toMatchObject({ ok: true });
    expect(graphTasks()[0]?.linkedResources).toMatchObject([{ externalId: 'acme:A-9', applicationName: 'ERP Bridge', webUrl: 'https://erp.acme.test/actions/A-9' }]);
    expect((await todo.listTasks(target))[0]).toMatchObject({ tag: 'acme:A-9', categories: ['ERP'] });
  });

  it('refuses an update when the task changed since its change key was read', async () => {
    const [created] = await todo.write(target, [{ kind: 'create', content, tag: 'acme:A-1' }]);
    const id = created?.ok ? (created.id ?? '') : '';
    await todo.write(target, [{ kind: 'update', outlookId: id, changeKey: created?.ok ? (created.changeKey ?? '') : '', changes: { title: 'First' } }]);

    const [stale] = await todo.write(target, [{ kind: 'update', outlookId: id, changeKey: created?.ok ? (created.changeKey ?? '') : '', changes: { title: 'Second' } }]);

    expect(stale).toMatchObject({ ok: false, error: { code: 'precondition_failed' } });
    expect(graphTasks()[0]?.title).toBe('First');
  });

  it('answers an expired delta link with cursor_expired, and a deleted list with not_found', async () => {
    const round = await todo.readChanges(target, undefined);
    test.graph.emulator.admin.expireDeltaTokens();

    await expect(todo.readChanges(target, round.deltaLink)).rejects.toMatchObject({ code: 'cursor_expired' });
    await test.client.request('DELETE', `/users/${test.mailbox}/todo/lists/${target.listId}`);
    await expect(todo.readChanges(target, undefined)).rejects.toMatchObject({ code: 'not_found' });
    expect(await todo.findList(target.listId)).toBeUndefined();
  });

  it('lists every task with its tag, to find a create whose answer was lost', async () => {
    await todo.write(target, [{ kind: 'create', content, tag: 'acme:A-1' }, { kind: 'create', content, tag: 'acme:A-2' }]);

    expect((await todo.listTasks(target)).map((task) => task.tag)).toEqual(['acme:A-1', 'acme:A-2']);
  });

  it('reads an HTML body as its text, and a removal of a task already gone as done', async () => {
    const created = await test.client.request<{ id: string }>('POST', `/users/${test.mailbox}/todo/lists/${target.listId}/tasks`, {
      body: { title: 'Mine', body: { contentType: 'html', content: '<p>Uno &amp; dos</p><p>tres&nbsp;<b>cuatro</b></p>' } },
    });

    const [task] = await todo.listTasks(target);
    const [removal] = await todo.write(target, [{ kind: 'remove', outlookId: 'gone' }]);

    expect(task).toMatchObject({ id: created.id, notes: 'Uno & dos\ntres cuatro' });
    expect(removal).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('a due date read from To Do', () => {
  it.each([
    [{ dateTime: '2026-03-29T00:00:00.0000000', timeZone: 'UTC' }, '2026-03-29'],
    [{ dateTime: '2026-03-29T00:00:00', timeZone: 'Romance Standard Time' }, '2026-03-29'],
    // Set in the To Do app at midnight in Madrid, Montreal, Santiago and Sydney, answered in UTC.
    [{ dateTime: '2026-03-28T23:00:00.0000000', timeZone: 'UTC' }, '2026-03-29'],
    [{ dateTime: '2026-11-01T04:00:00.0000000', timeZone: 'UTC' }, '2026-11-01'],
    [{ dateTime: '2026-04-05T03:00:00.0000000', timeZone: 'UTC' }, '2026-04-05'],
    [{ dateTime: '2026-12-31T13:00:00.0000000', timeZone: 'UTC' }, '2027-01-01'],
  ])('reads %o as %s', (value, date) => {
    expect(readGraphDueDate(value)).toBe(date);
  });
});
