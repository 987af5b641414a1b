import { describe, expect, it } from 'vitest';
import { ErpError } from '../../../../src/domain/erp-port';
import { SyncError } from '../../../../src/sync/sync-error';
import { buildErpTaskAction } from '../../../builders/build-erp-task-action';
import { createTaskSyncWorld } from './task-sync-world';

const call = buildErpTaskAction({ id: 'A-1', subject: 'Llamar a Ferretería Núñez', dueDate: '2026-03-10' });
const visit = buildErpTaskAction({ id: 'A-2', type: 'visit', subject: 'Visita', dueDate: undefined, start: '2026-03-03T09:00:00Z', end: '2026-03-03T10:00:00Z' });
const quote = buildErpTaskAction({ id: 'A-3', subject: 'Enviar oferta <b>urgente</b>', notes: '<script>x</script> & más', dueDate: undefined });

/** After a first run, A-1 changes in the ERP, and the user edits the notes of `erpId`'s task just as the next run writes. */
async function editedWhileWriting(world: ReturnType<typeof createTaskSyncWorld>, erpId: string) {
  await world.run();
  world.erp.editInErp('A-1', { subject: 'Llamar antes del viernes' });
  world.todo.beforeWrite = () => {
    world.todo.beforeWrite = () => undefined;
    world.todo.edit(world.taskOf(erpId)?.id ?? '', { notes: 'Lo escribió Lucía mientras tanto' });
  };
  return world;
}

describe('task sync', () => {
  it('creates the list when missing and a task for each untimed action only, tagged and categorized', async () => {
    const world = createTaskSyncWorld([call, visit, quote]);

    const report = await world.run();

    expect(report.outcome).toBe('succeeded');
    expect([...world.todo.lists.values()].map((list) => list.displayName)).toEqual(['ERP']);
    expect(world.tasks().map((task) => [task.tag, task.title, task.dueDate, task.completed])).toEqual([
      ['acme:A-1', 'Llamar a Ferretería Núñez', '2026-03-10', false],
      ['acme:A-3', 'Enviar oferta <b>urgente</b>', null, false],
    ]);
    expect(world.taskOf('A-3')?.notes).toBe('<script>x</script> & más');
    expect(world.todo.categoriesOf(world.taskOf('A-1')?.id ?? '')).toEqual(['ERP']);
    expect(report.counts.outlookCreated).toBe(2);
  });

  it('uses a list of that name the user already has', async () => {
    const world = createTaskSyncWorld([call]);
    const mine = world.todo.addList('erp');

    await world.run();

    expect(world.todo.lists.size).toBe(1);
    expect(world.todo.tasksIn(mine.id)).toHaveLength(1);
  });

  it('sends one request and writes nothing when nothing changed, also after its own writes', async () => {
    const world = createTaskSyncWorld([call, quote]);
    await world.run();
    world.todo.requests = 0;

    const second = await world.run();
    const third = await world.run();

    expect(second.counts).toEqual({ outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpUpdated: 0, erpCreated: 0 });
    expect(second.quiet).toBe(true);
    expect(third.quiet).toBe(true);
    expect(world.todo.requests).toBe(2);
  });

  it('completes the ERP action when its task is completed in To Do, and creates no second item', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    world.tick(60);
    world.todo.edit(world.taskOf('A-1')?.id ?? '', { completed: true });

    const report = await world.run();

    expect(world.erp.action('A-1')?.status).toBe('done');
    expect(report.counts).toMatchObject({ erpUpdated: 1, outlookCreated: 0 });
    expect(world.tasks()).toHaveLength(1);
    expect((await world.run()).counts.erpUpdated).toBe(0);
  });

  it('brings title, notes and due date edits back, and reopening the task plans the action again', async () => {
    const world = createTaskSyncWorld([buildErpTaskAction({ status: 'done' })]);
    await world.run();
    world.todo.edit(world.taskOf('A-1')?.id ?? '', { title: ' Llamar otra vez ', notes: 'Nuevo texto', dueDate: '2026-03-12', completed: false });

    await world.run();

    expect(world.erp.action('A-1')).toMatchObject({ subject: 'Llamar otra vez', notes: 'Nuevo texto', dueDate: '2026-03-12', status: 'planned' });
  });

  it('keeps a cancelled action cancelled: its task shows completed and the ERP status is not rewritten', async () => {
    const world = createTaskSyncWorld([buildErpTaskAction({ status: 'cancelled' })]);
    await world.run();
    world.todo.edit(world.taskOf('A-1')?.id ?? '', { title: 'Renamed' });

    await world.run();

    expect(world.taskOf('A-1')?.completed).toBe(true);
    expect(world.erp.action('A-1')).toMatchObject({ subject: 'Renamed', status: 'cancelled' });
  });

  it('leaves the ERP date when the user clears the due date in To Do, and does not write it back again and again', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    world.todo.edit(world.taskOf('A-1')?.id ?? '', { dueDate: null });

    await world.run();
    const again = await world.run();

    expect(world.erp.action('A-1')?.dueDate).toBe('2026-03-10');
    expect(world.taskOf('A-1')?.dueDate).toBeNull();
    expect(again.counts).toEqual({ outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpUpdated: 0, erpCreated: 0 });
  });

  it('links a create whose answer was lost instead of sending it again', async () => {
    const world = createTaskSyncWorld([call, quote]);
    world.todo.loseAnswer = (write) => write.kind === 'create';

    const first = await world.run();
    world.todo.loseAnswer = () => false;
    await world.run();

    expect(first.outcome).toBe('succeeded');
    expect(world.tasks().map((task) => task.tag)).toEqual(['acme:A-1', 'acme:A-3']);
    expect(world.store.links.get('A-1')?.outlookId).toBe(world.taskOf('A-1')?.id);
  });

  it('adopts a task made by a run that died before saving its link', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    world.store.links.clear();
    world.store.state = { list: world.store.state.list ?? { id: '', name: 'ERP', isShared: false } };

    await world.run();

    expect(world.tasks()).toHaveLength(1);
    expect(world.store.links.get('A-1')?.outlookId).toBe(world.taskOf('A-1')?.id);
  });

  it('never deletes the ERP action when the user deletes its task, and does not bring the task back until the action changes', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    world.todo.delete(world.taskOf('A-1')?.id ?? '');

    await world.run();
    await world.run();
    expect(world.erp.action('A-1')).toBeDefined();
    expect(world.tasks()).toEqual([]);
    expect(world.store.links.get('A-1')?.state).toBe('suppressed');

    world.erp.editInErp('A-1', { subject: 'Llamar de nuevo' });
    await world.run();
    expect(world.taskOf('A-1')?.title).toBe('Llamar de nuevo');
  });

  it('cancels the action of a task the user deletes when the environment says so, two-way only, and never a done one', async () => {
    const done = buildErpTaskAction({ id: 'A-4', subject: 'Llamada hecha', status: 'done' });
    const world = createTaskSyncWorld([call, done], { outlookDelete: 'cancel' });
    const oneWay = createTaskSyncWorld([call], { outlookDelete: 'cancel', direction: 'erp-to-outlook' });
    await world.run();
    await oneWay.run();
    world.todo.delete(world.taskOf('A-1')?.id ?? '');
    world.todo.delete(world.taskOf('A-4')?.id ?? '');
    oneWay.todo.delete(oneWay.taskOf('A-1')?.id ?? '');

    const report = await world.run();
    await oneWay.run();
    const after = await world.run();

    expect(report.counts).toMatchObject({ erpUpdated: 1, outlookCreated: 0 });
    expect(world.erp.action('A-1')).toMatchObject({ status: 'cancelled', version: 2 });
    expect(world.erp.action('A-4')).toMatchObject({ status: 'done', version: 1 });
    expect(oneWay.erp.action('A-1')).toMatchObject({ status: 'planned', version: 1 });
    // The cancelled action stays out of the list: its only change is the one the deletion made.
    expect(world.tasks()).toEqual([]);
    expect(after.counts).toMatchObject({ outlookCreated: 0, erpUpdated: 0 });
    expect(world.store.links.get('A-1')?.state).toBe('suppressed');
  });

  it('removes the task of an action that became an event, was reassigned or deleted in the ERP', async () => {
    const world = createTaskSyncWorld([call, quote, buildErpTaskAction({ id: 'A-4' })]);
    await world.run();
    world.erp.editInErp('A-1', { start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' });
    world.erp.reassignInErp('A-3', 'U-2');
    world.erp.deleteInErp('A-4');

    const report = await world.run();

    expect(world.tasks()).toEqual([]);
    expect(report.counts.outlookRemoved).toBe(3);
    expect(world.store.links.size).toBe(0);
  });

  it('takes out the task of an action two full listings in a row did not show, and keeps one a listing shows again', async () => {
    const world = createTaskSyncWorld([call, quote]);
    await world.run();
    world.deletedOutright.add('A-1');
    world.deletedOutright.add('A-3');

    world.tick(3601);
    await world.run();
    expect(world.tasks()).toHaveLength(2);
    world.deletedOutright.delete('A-3');
    world.tick(3601);
    await world.run();

    expect(world.tasks().map((task) => task.tag)).toEqual(['acme:A-3']);
    expect(world.store.links.get('A-1')).toBeUndefined();
    expect(world.store.links.get('A-3')?.missedListings).toBe(0);
    expect(world.erp.action('A-1')).toBeDefined();
  });

  it('leaves the tasks the user added to the list alone', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    const mine = world.todo.addTask(world.store.state.list?.id ?? '', { title: 'Comprar pan', notes: '', dueDate: null, completed: false });
    world.erp.deleteInErp('A-1');

    await world.run();

    expect(world.tasks()).toEqual([mine]);
    expect(world.erp.writes).toBe(0);
  });

  it('makes an ERP action of a task the user categorized ERP, owned by the mailbox’s ERP user, and links it', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    const listId = world.store.state.list?.id ?? '';
    const mine = world.todo.addTask(listId, { title: ' Preparar la feria ', notes: 'Stand 4', dueDate: '2026-05-20', completed: false }, undefined, ['erp']);

    const report = await world.run();
    await world.run();

    const made = (await world.erp.listActionsInScope()).find((action) => action.subject === 'Preparar la feria');
    expect(made).toMatchObject({ type: 'task', notes: 'Stand 4', dueDate: '2026-05-20', status: 'planned', ownerId: 'U-1' });
    expect(report.counts.erpCreated).toBe(1);
    expect(world.todo.tasksIn(listId).find((task) => task.id === mine.id)?.tag).toBe(`acme:${made?.id ?? ''}`);
    expect(world.store.links.get(made?.id ?? '')?.outlookId).toBe(mine.id);

    world.todo.edit(mine.id, { completed: true });
    await world.run();
    expect(world.erp.action(made?.id ?? '')?.status).toBe('done');
  });

  it('makes one action of a categorized task even when the run dies before tagging it', async () => {
    const world = createTaskSyncWorld([]);
    await world.run();
    world.todo.addTask(world.store.state.list?.id ?? '', { title: 'Llamar a la feria', notes: '', dueDate: null, completed: false }, undefined, ['ERP']);
    world.todo.beforeWrite = () => {
      throw new SyncError('auth_required', 'the bridge lost its token');
    };

    const died = await world.run();
    world.todo.beforeWrite = () => undefined;
    await world.run();

    expect(died.outcome).toBe('failed');
    expect((await world.erp.listActionsInScope()).filter((action) => action.subject === 'Llamar a la feria')).toHaveLength(1);
    expect(world.tasks().map((task) => task.tag)).toEqual([expect.stringMatching(/^acme:/)]);
  });

  it('reads no task into the ERP one way, nor one without the ERP category', async () => {
    const world = createTaskSyncWorld([], { direction: 'erp-to-outlook' });
    await world.run();
    const listId = world.store.state.list?.id ?? '';
    world.todo.addTask(listId, { title: 'Mía', notes: '', dueDate: null, completed: false }, undefined, ['ERP']);
    world.settings.direction = 'two-way';
    world.todo.addTask(listId, { title: 'También mía', notes: '', dueDate: null, completed: false }, undefined, ['Personal']);
    world.settings.direction = 'erp-to-outlook';

    await world.run();

    expect(world.erp.writes).toBe(0);
  });

  it('resyncs from scratch after an expired delta link without duplicating tasks', async () => {
    const world = createTaskSyncWorld([call, quote]);
    await world.run();
    world.todo.expiredLinks.add(world.store.state.deltaLink ?? '');

    const report = await world.run();

    expect(report.outcome).toBe('succeeded');
    expect(world.tasks()).toHaveLength(2);
    expect(report.counts).toMatchObject({ outlookCreated: 0, erpUpdated: 0 });
  });

  it('finds a list the user renamed by its id', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    const list = world.todo.lists.get(world.store.state.list?.id ?? '');
    if (list) list.displayName = 'Mis tareas ERP';
    world.erp.addInErp(buildErpTaskAction({ id: 'A-5' }));

    await world.run();

    expect(world.todo.lists.size).toBe(1);
    expect(world.tasks()).toHaveLength(2);
  });

  it('makes the list again when the user deleted it, without bringing back the tasks deleted with it', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    world.todo.deleteList(world.store.state.list?.id ?? '');
    world.erp.addInErp(buildErpTaskAction({ id: 'A-5' }));

    await world.run();

    expect(world.todo.lists.size).toBe(1);
    expect(world.tasks().map((task) => task.tag)).toEqual(['acme:A-5']);
    expect(world.store.links.get('A-1')?.state).toBe('suppressed');
  });

  it('moves to the list the settings name, leaving the old one as it is', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    const old = world.store.state.list?.id ?? '';
    world.settings.listName = 'Ventas';

    await world.run();

    expect(world.todo.tasksIn(old)).toHaveLength(1);
    expect(world.tasks().map((task) => task.tag)).toEqual(['acme:A-1']);
    expect(world.store.state.list?.name).toBe('Ventas');
  });

  it('keeps private actions out of a shared list', async () => {
    const world = createTaskSyncWorld([buildErpTaskAction({ private: true }), quote]);
    world.todo.addList('ERP', true);

    await world.run();

    expect(world.tasks().map((task) => task.tag)).toEqual(['acme:A-3']);
  });

  it('puts ERP values back over Outlook edits one way', async () => {
    const world = createTaskSyncWorld([call], { direction: 'erp-to-outlook' });
    await world.run();
    world.todo.edit(world.taskOf('A-1')?.id ?? '', { title: 'Mine', completed: true });

    await world.run();

    expect(world.taskOf('A-1')).toMatchObject({ title: call.subject, completed: false });
    expect(world.erp.writes).toBe(0);
  });

  describe('the same field changed on both sides', () => {
    const editBoth = async (policy: 'erp-wins' | 'outlook-wins' | 'newest' | 'manual', outlookLater: boolean) => {
      const world = createTaskSyncWorld([call], { policy });
      await world.run();
      world.tick(10);
      if (!outlookLater) world.todo.edit(world.taskOf('A-1')?.id ?? '', { title: 'Outlook' });
      world.tick(10);
      world.erp.editInErp('A-1', { subject: 'ERP' });
      world.tick(10);
      if (outlookLater) world.todo.edit(world.taskOf('A-1')?.id ?? '', { title: 'Outlook' });
      await world.run();
      return world;
    };

    it.each([
      ['erp-wins', false, 'ERP'],
      ['outlook-wins', false, 'Outlook'],
      ['newest', true, 'Outlook'],
      ['newest', false, 'ERP'],
    ] as const)('under %s (Outlook edited later: %s) both sides hold %s and the conflict is recorded', async (policy, outlookLater, expected) => {
      const world = await editBoth(policy, outlookLater);

      expect(world.erp.action('A-1')?.subject).toBe(expected);
      expect(world.taskOf('A-1')?.title).toBe(expected);
      expect(world.store.conflicts).toMatchObject([{ erpId: 'A-1', field: 'subject', erpValue: 'ERP', outlookValue: 'Outlook', status: 'resolved' }]);
    });

    it('under manual waits for the user once, then applies the value chosen', async () => {
      const world = await editBoth('manual', true);
      await world.run();
      expect(world.store.conflicts).toMatchObject([{ field: 'subject', status: 'open' }]);
      expect(world.erp.action('A-1')?.subject).toBe('ERP');
      expect(world.taskOf('A-1')?.title).toBe('Outlook');

      world.tick(10);
      world.store.resolve(world.store.conflicts[0]?.id ?? '', 'outlook', world.clock.now());
      await world.run();

      expect(world.erp.action('A-1')?.subject).toBe('Outlook');
      expect(world.taskOf('A-1')?.title).toBe('Outlook');
      expect(world.store.conflicts).toHaveLength(1);
    });
  });

  it('does not overwrite an edit the user makes while the run writes, and merges it on the next run', async () => {
    const world = await editedWhileWriting(createTaskSyncWorld([call]), 'A-1');

    const refused = await world.run();
    await world.run();

    expect(refused).toMatchObject({ outcome: 'partial', failures: [{ erpId: 'A-1', side: 'outlook', code: 'precondition_failed' }] });
    expect(world.taskOf('A-1')).toMatchObject({ title: 'Llamar antes del viernes', notes: 'Lo escribió Lucía mientras tanto' });
    expect(world.erp.action('A-1')).toMatchObject({ subject: 'Llamar antes del viernes', notes: 'Lo escribió Lucía mientras tanto' });
  });

  it('reads on the next run an edit the user makes to another task while the run writes', async () => {
    const world = await editedWhileWriting(createTaskSyncWorld([call, quote]), 'A-3');

    const writing = await world.run();
    const next = await world.run();

    expect(writing).toMatchObject({ outcome: 'succeeded', counts: { outlookUpdated: 1 } });
    expect(next).toMatchObject({ outcome: 'succeeded', counts: { erpUpdated: 1 } });
    expect(world.erp.action('A-3')).toMatchObject({ notes: 'Lo escribió Lucía mientras tanto' });
  });

  it('reports an ERP refusal as one item failure and tries again on the next run', async () => {
    const world = createTaskSyncWorld([call, quote]);
    await world.run();
    world.todo.edit(world.taskOf('A-1')?.id ?? '', { completed: true });
    world.todo.edit(world.taskOf('A-3')?.id ?? '', { completed: true });
    world.erp.failWith = (erpId) => (erpId === 'A-1' ? new ErpError('invalid_input', 'refused') : undefined);

    const failed = await world.run();
    world.erp.failWith = () => undefined;
    await world.run();

    expect(failed).toMatchObject({ outcome: 'partial', failures: [{ erpId: 'A-1', side: 'erp', code: 'invalid_input' }] });
    expect(world.erp.action('A-1')?.status).toBe('done');
    expect(world.erp.action('A-3')?.status).toBe('done');
  });

  it('fails the run, keeping what it saved, when the ERP is down', async () => {
    const world = createTaskSyncWorld([call]);
    await world.run();
    world.todo.edit(world.taskOf('A-1')?.id ?? '', { completed: true });
    world.erp.failWith = () => new ErpError('erp_unavailable', 'down');

    const report = await world.run();

    expect(report).toMatchObject({ outcome: 'failed', failure: { code: 'erp_unavailable' } });
  });
});
