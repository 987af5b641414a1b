import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../dev/m365/graph/graph-error';
import type { ErpActor } from '../../../src/domain/erp-port';
import type { ActionInput } from '../../../src/domain/erp-records';
import { defaultSyncSettings, type SyncSettings } from '../../../src/domain/sync-settings';
import { createErpActionSource } from '../../../server/jobs/create-erp-action-source';
import { runTaskCollection } from '../../../server/jobs/run-task-collection';
import { mailboxes, useSyncWorlds } from './support/start-sync-world';

const worlds = useSyncWorlds();
const clerk: ErpActor = { email: 'clerk@contosoiberica.example' };

/** Lucía's task sync over the demo ERP and the Graph emulator, run as the mailbox run would run it. */
async function taskWorld(options: { settings?: Partial<SyncSettings>; outlookDelete?: 'suppress' | 'cancel' } = {}) {
  const graphRequests: string[] = [];
  const sync = await worlds.start({ beforeGraphRequest: (method, url) => void graphRequests.push(`${method} ${url}`) });
  const erp = sync.erps.contoso;
  const erpUserId = (await erp.findUserByEmail(mailboxes.lucia.email))?.id;
  if (erpUserId === undefined) throw new Error('Lucía is no ERP user of the demo ERP');
  const actor: ErpActor = { erpUserId, email: mailboxes.lucia.email };
  const { client, mailbox } = sync.outlook('lucia');
  // Tests share the emulator's mailbox: each syncs its own list, as its demo ERP reuses action ids.
  const settings: SyncSettings = { ...defaultSyncSettings, enabled: true, actionsEnabled: true, tasks: 'two-way', todoListName: `ERP ${randomUUID().slice(0, 8)}`, ...options.settings };
  const admin = sync.shared.m365.graph.admin;
  const run = () => runTaskCollection({
    environment: 'contoso', user: mailboxes.lucia.user, settings, inviteAttendees: false, ...(options.outlookDelete ? { taskOutlookDelete: options.outlookDelete } : {}), actionUrlTemplate: 'https://erp.contoso.example/acciones/{id}', client, mailbox,
    erp: createErpActionSource(erp, actor, { erpUserId }), store: sync.store,
    now: () => new Date(), newId: randomUUID, onState: async () => undefined,
  });
  const lists = () => admin.readMailbox(mailboxes.lucia.user.objectId).todoLists.filter((list) => list.displayName === settings.todoListName);
  const tasks = () => {
    const listIds = new Set(lists().map((list) => list.id));
    return admin.readMailbox(mailboxes.lucia.user.objectId).tasks.filter((task) => listIds.has(task.listId));
  };
  const tagged = (erpId: string) => tasks().filter((task) => task.linkedResources?.some((resource) => resource.externalId === `contoso:${erpId}`));
  const add = (fields: Partial<ActionInput> & Pick<ActionInput, 'subject'>) =>
    erp.createAction({ type: 'call', allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false, ownerId: erpUserId, ...fields }, clerk);
  const duplicatedTags = () => {
    const tags = tasks().flatMap((task) => task.linkedResources?.map((resource) => resource.externalId ?? '') ?? []);
    return tags.filter((tag, index) => tags.indexOf(tag) !== index);
  };
  return { sync, erp, client, mailbox, run, lists, tasks, tagged, add, duplicatedTags, graphRequests, admin };
}

const todoRequests = (requests: readonly string[]) => requests.filter((request) => request.includes('/todo/') || request.includes('$batch'));

describe('task sync through real runs (demo ERP, Graph emulator)', () => {
  it('creates the list when it is missing, puts the untimed actions in it, and then runs on one Graph request', async () => {
    const world = await taskWorld();
    const call = await world.add({ subject: 'Llamar a Ferretería Núñez', dueDate: '2026-03-29', notes: '<b>no</b> es HTML' });
    const visit = await world.add({ type: 'visit', subject: 'Visita', start: '2026-03-30T08:00:00Z', end: '2026-03-30T09:00:00Z' });

    const first = await world.run();
    await world.run();
    world.graphRequests.length = 0;
    const quiet = await world.run();

    expect(first.outcome).toBe('succeeded');
    expect(world.lists()).toHaveLength(1);
    expect(world.tagged(call.id)).toMatchObject([{ title: 'Llamar a Ferretería Núñez', body: { contentType: 'text', content: '<b>no</b> es HTML' }, categories: ['ERP'] }]);
    expect(world.tagged(call.id)[0]?.dueDateTime).toEqual({ dateTime: '2026-03-29T00:00:00.0000000', timeZone: 'UTC' });
    expect(world.tagged(call.id)[0]?.linkedResources).toMatchObject([{ applicationName: 'ERP Bridge', webUrl: `https://erp.contoso.example/acciones/${call.id}` }]);
    expect(world.tagged(visit.id)).toEqual([]);
    expect(quiet).toMatchObject({ outcome: 'succeeded', quiet: true, applied: { outlookCreated: 0, outlookUpdated: 0, erpUpdated: 0 } });
    expect(todoRequests(world.graphRequests)).toHaveLength(1);
  });

  it('writes a first sync of 300 tasks in $batches of 20, and the next run with no change is quiet on one request', async () => {
    const world = await taskWorld();
    for (let index = 0; index < 300; index += 1) await world.add({ subject: `Tarea ${index}`, dueDate: '2026-08-01' });
    world.graphRequests.length = 0;

    const first = await world.run();
    const firstRequests = todoRequests(world.graphRequests);
    world.graphRequests.length = 0;
    const next = await world.run();
    const afterWrites = todoRequests(world.graphRequests);
    console.log('TASKS_FIRST_SYNC', JSON.stringify({ created: first.applied.outlookCreated, requests: firstRequests.length, batches: firstRequests.filter((request) => request.includes('$batch')).length, nextRunRequests: afterWrites.length }));

    expect(first.applied.outlookCreated).toBeGreaterThanOrEqual(300);
    expect(firstRequests.filter((request) => request.includes('$batch'))).toHaveLength(Math.ceil(first.applied.outlookCreated / 20));
    expect(world.duplicatedTags()).toEqual([]);
    // The first run's delta link was taken past its own writes, so To Do has nothing new to page through.
    expect(next).toMatchObject({ outcome: 'succeeded', quiet: true, applied: { outlookCreated: 0, outlookUpdated: 0, erpUpdated: 0 } });
    expect(afterWrites).toHaveLength(1);
  });

  it('completes the ERP action when Lucía completes its task in To Do, and creates no second task', async () => {
    const world = await taskWorld();
    const call = await world.add({ subject: 'Enviar catálogo', dueDate: '2026-04-02' });
    await world.run();
    const [task] = world.tagged(call.id);

    await world.client.request('PATCH', `/users/${world.mailbox}/todo/lists/${task?.listId ?? ''}/tasks/${task?.id ?? ''}`, { body: { status: 'completed' } });
    const report = await world.run();

    expect((await world.erp.getAction(call.id))?.status).toBe('done');
    expect(report.applied).toMatchObject({ erpUpdated: 1, outlookCreated: 0 });
    expect(world.tagged(call.id)).toHaveLength(1);
    expect((await world.run()).applied.erpUpdated).toBe(0);
  });

  it('leaves one task when the answer to its create is lost after To Do made it, and links that task', async () => {
    const world = await taskWorld();
    const call = await world.add({ subject: 'Preparar oferta', dueDate: '2026-05-04' });
    let lost = 0;
    world.admin.interceptRequests(async (request, serve) => {
      await serve();
      if (request.method === 'POST' && request.batchItem && request.url.includes('/tasks')) {
        lost += 1;
        throw new GraphError(502, 'badGateway', 'The answer was lost on its way back.');
      }
    });
    try {
      await world.run();
    } finally {
      world.admin.interceptRequests(undefined);
    }
    await world.run();

    expect(lost).toBeGreaterThan(0);
    expect(world.duplicatedTags()).toEqual([]);
    expect(world.tagged(call.id)).toHaveLength(1);
    expect((await world.sync.store.links.get(mailboxes.lucia.user, 'task', call.id))?.outlookId).toBe(world.tagged(call.id)[0]?.id);
  });

  it('leaves one task when the run dies after its create, and the next run links it', async () => {
    const world = await taskWorld();
    const call = await world.add({ subject: 'Preparar visita', dueDate: '2026-05-05' });
    world.admin.interceptRequests(async (request, serve) => {
      await serve();
      // The bridge's process ends here: nothing after the create's POST is answered.
      if (request.method === 'POST' && request.batchItem && request.url.includes('/tasks')) throw new GraphError(401, 'InvalidAuthenticationToken', 'The process is gone.');
    });
    let killed;
    try {
      killed = await world.run();
    } finally {
      world.admin.interceptRequests(undefined);
    }
    await world.run();
    await world.run();

    expect(killed.outcome).toBe('failed');
    expect(world.tagged(call.id)).toHaveLength(1);
    expect(world.duplicatedTags()).toEqual([]);
  });

  it('keeps the ERP action when Lucía deletes its task, and does not put the task back', async () => {
    const world = await taskWorld();
    const call = await world.add({ subject: 'Revisar pedido' });
    await world.run();
    const [task] = world.tagged(call.id);

    await world.client.request('DELETE', `/users/${world.mailbox}/todo/lists/${task?.listId ?? ''}/tasks/${task?.id ?? ''}`);
    await world.run();
    await world.run();

    expect(await world.erp.getAction(call.id)).toMatchObject({ subject: 'Revisar pedido', status: 'planned' });
    expect(world.tagged(call.id)).toEqual([]);
  });

  it('cancels the ERP action when Lucía deletes its task and the environment says so, and does not put the task back', async () => {
    const world = await taskWorld({ outlookDelete: 'cancel' });
    const call = await world.add({ subject: 'Revisar pedido' });
    await world.run();
    const [task] = world.tagged(call.id);

    await world.client.request('DELETE', `/users/${world.mailbox}/todo/lists/${task?.listId ?? ''}/tasks/${task?.id ?? ''}`);
    const deleted = await world.run();
    const after = await world.run();

    expect(deleted).toMatchObject({ outcome: 'succeeded', applied: { erpUpdated: 1, outlookCreated: 0 } });
    expect(await world.erp.getAction(call.id)).toMatchObject({ subject: 'Revisar pedido', status: 'cancelled' });
    expect(after).toMatchObject({ outcome: 'succeeded', applied: { erpUpdated: 0, outlookCreated: 0 } });
    expect(world.tagged(call.id)).toEqual([]);
  });

  it('takes the task out of the list when the action gets a start and an end', async () => {
    const world = await taskWorld();
    const call = await world.add({ subject: 'Llamada', dueDate: '2026-06-01' });
    await world.run();

    await world.erp.updateAction(call.id, { version: call.version, start: '2026-06-01T08:00:00Z', end: '2026-06-01T08:30:00Z' }, clerk);
    await world.run();

    expect(world.tagged(call.id)).toEqual([]);
  });

  it('resyncs after an expired delta link without a second task', async () => {
    const world = await taskWorld();
    const call = await world.add({ subject: 'Visita de cortesía', dueDate: '2026-07-07' });
    await world.run();
    world.admin.expireDeltaTokens();

    const report = await world.run();

    expect(report.outcome).toBe('succeeded');
    expect(world.tagged(call.id)).toHaveLength(1);
  });

  it('runs as part of the mailbox run, after the contacts, and reports under tasks', async () => {
    const sync = await worlds.start({ service: { actionCollections: { tasks: runTaskCollection } } });
    const saved = await sync.store.settings.get(mailboxes.lucia.user);
    if (!saved) throw new Error('the world saved no settings');
    const todoListName = `ERP ${randomUUID().slice(0, 8)}`;
    await sync.store.settings.put(mailboxes.lucia.user, { ...saved, actionsEnabled: true, tasks: 'two-way', todoListName }, new Date().toISOString());
    const erpUserId = (await sync.erps.contoso.findUserByEmail(mailboxes.lucia.email))?.id;
    const call = await sync.erps.contoso.createAction({ type: 'call', subject: 'Llamar desde la ejecución del buzón', allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false, ownerId: erpUserId }, clerk);

    const run = await sync.run('lucia');

    expect(run.status).toBe('succeeded');
    expect(run.report).toMatchObject({ collections: { tasks: { outcome: 'succeeded' } } });
    const mailbox = sync.shared.m365.graph.admin.readMailbox(mailboxes.lucia.user.objectId);
    const list = mailbox.todoLists.find((each) => each.displayName === todoListName);
    expect(mailbox.tasks.filter((task) => task.listId === list?.id && task.linkedResources?.some((resource) => resource.externalId === `contoso:${call.id}`))).toHaveLength(1);
  });

  it('makes an ERP action, owned by Lucía, of a task she adds to the list with the category ERP', async () => {
    const world = await taskWorld();
    await world.run();
    const listId = world.lists()[0]?.id ?? '';
    const mine = await world.client.request<{ id: string }>('POST', `/users/${world.mailbox}/todo/lists/${listId}/tasks`, {
      body: { title: 'Preparar la feria de Bilbao', categories: ['ERP'], dueDateTime: { dateTime: '2026-05-20T00:00:00', timeZone: 'Romance Standard Time' } },
    });

    const report = await world.run();
    await world.run();

    const erpUserId = (await world.erp.findUserByEmail(mailboxes.lucia.email))?.id;
    const made = (await world.erp.listActions({ ownerId: erpUserId ?? '', limit: 1000 })).items.filter((action) => action.subject === 'Preparar la feria de Bilbao');
    expect(report.applied.erpCreated).toBe(1);
    expect(made).toMatchObject([{ type: 'task', dueDate: '2026-05-20', status: 'planned' }]);
    expect(world.tasks().find((task) => task.id === mine.id)?.linkedResources).toMatchObject([{ externalId: `contoso:${made[0]?.id ?? ''}` }]);
    expect(world.duplicatedTags()).toEqual([]);
  });

  it('sends nothing when actions are off', async () => {
    const world = await taskWorld({ settings: { actionsEnabled: false } });
    await world.add({ subject: 'Llamar' });

    const report = await world.run();

    expect(report).toMatchObject({ outcome: 'succeeded', quiet: true });
    expect(todoRequests(world.graphRequests)).toEqual([]);
  });
});
