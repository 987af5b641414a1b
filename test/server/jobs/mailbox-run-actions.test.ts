import { describe, expect, it } from 'vitest';
import type { ErpAction } from '../../../src/domain/erp-records';
import type { SyncSettings } from '../../../src/domain/sync-settings';
import { demoUserRow } from '../../../server/erp/demo/demo-rows';
import type { ActionCollectionReport, ActionCollectionRun, ActionCollectionRunInput } from '../../../server/jobs/action-collection-run';
import { activateSync, mailboxes, useSyncWorlds, type SyncWorld } from './support/start-sync-world';

const worlds = useSyncWorlds();
const lucia = mailboxes.lucia;

/** What a fake collection saw when the mailbox run called it. */
interface Call {
  name: string;
  input: ActionCollectionRunInput;
  /** Links of synced contacts when it was called: contacts run first. */
  contactLinks: number;
  actions: ErpAction[];
}

/** A hand-written collection: reports `report`, or throws `fails`, after two progress states. */
function fakeCollection(name: string, calls: Call[], outcome: { report?: Partial<ActionCollectionReport>; fails?: Error } = {}): ActionCollectionRun {
  return async (input) => {
    calls.push({ name, input, contactLinks: (await input.store.links.listForUser(input.user, 'contact')).length, actions: await input.erp.listActionsInScope() });
    const at = input.now().toISOString();
    await input.onState({ stage: 'applying', done: 1, total: 4, startedAt: at, stageStartedAt: at, needsConfirmation: false });
    if (outcome.fails) throw outcome.fails;
    await input.onState({ stage: 'done', done: 4, total: 4, startedAt: at, stageStartedAt: at, needsConfirmation: false });
    return {
      outcome: 'succeeded',
      quiet: false,
      applied: { outlookCreated: name === 'events' ? 3 : 1, outlookUpdated: 1, outlookRemoved: 0, erpCreated: 0, erpUpdated: 0 },
      failedOperations: 0,
      startedAt: at,
      finishedAt: input.now().toISOString(),
      ...outcome.report,
    };
  };
}

async function startWith(collections: Partial<Record<'events' | 'tasks', ActionCollectionRun>>, settings: Partial<SyncSettings>): Promise<SyncWorld> {
  const sync = await worlds.start({ contacts: 5, service: { actionCollections: collections } });
  const saved = await sync.store.settings.get(lucia.user);
  if (!saved) throw new Error('the world saved no settings');
  await sync.store.settings.put(lucia.user, { ...saved, actionsEnabled: true, events: 'two-way', tasks: 'two-way', ...settings }, new Date().toISOString());
  return sync;
}

describe('a mailbox run with actions on', () => {
  it("syncs the contacts first, then the events, then the tasks, each with the mailbox's own ERP actions", async () => {
    const calls: Call[] = [];
    const sync = await startWith({ events: fakeCollection('events', calls), tasks: fakeCollection('tasks', calls) }, {});
    const erp = sync.erps.contoso;
    const luciaInErp = await erp.findUserByEmail(lucia.email);
    await erp.database.insertInto('erp_users').values(demoUserRow(900, 'otro.vendedor@contoso.example', 'Otro Vendedor')).execute();
    const task = { type: 'task', allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false } as const;
    const hers = await erp.createAction({ ...task, subject: 'Llamar a Núñez', ownerId: luciaInErp?.id }, { email: lucia.email });
    const theirs = await erp.createAction({ ...task, subject: 'No es suya', ownerId: '900' }, { email: lucia.email });

    const run = await sync.run('lucia');

    expect(calls.map((call) => call.name)).toEqual(['events', 'tasks']);
    expect(calls[0]?.contactLinks).toBeGreaterThan(0);
    const listed = calls[0]?.actions.map((action) => action.id) ?? [];
    expect(listed).toContain(hers.id);
    expect(listed).not.toContain(theirs.id);
    expect(new Set(calls[0]?.actions.map((action) => action.ownerId))).toEqual(new Set([luciaInErp?.id]));
    expect(calls[0]?.input).toMatchObject({ environment: 'contoso', user: lucia.user, inviteAttendees: false, settings: { actionsEnabled: true, events: 'two-way' } });
    expect(run.status).toBe('succeeded');
  });

  it("keeps each collection's report beside the contacts' in the run record, and counts every part's progress", async () => {
    const calls: Call[] = [];
    const sync = await startWith({ events: fakeCollection('events', calls), tasks: fakeCollection('tasks', calls) }, {});

    const run = await sync.run('lucia');

    const record = await sync.store.runs.get(lucia.user, run.id);
    expect(record?.report).toEqual(JSON.parse(JSON.stringify(run.report)));
    expect(run.report).toMatchObject({
      outcome: 'succeeded',
      contactsSynced: true,
      quiet: false,
      collections: {
        events: { outcome: 'succeeded', applied: { outlookCreated: 3, outlookUpdated: 1 } },
        tasks: { outcome: 'succeeded', applied: { outlookCreated: 1, outlookUpdated: 1 } },
      },
    });
    expect(run.report.applied).toBeGreaterThan(0);
    const contactOperations = run.report.planned.createInOutlook + run.report.planned.saveLink;
    expect(record).toMatchObject({ status: 'succeeded', stage: 'done', done: contactOperations + 8, total: contactOperations + 8 });
  });

  it('skips the collections when actions are off, and a collection whose direction is off', async () => {
    const calls: Call[] = [];
    const collections = { events: fakeCollection('events', calls), tasks: fakeCollection('tasks', calls) };
    const sync = await startWith(collections, { actionsEnabled: false });

    const off = await sync.run('lucia');
    expect(calls).toEqual([]);
    expect(off.report.collections).toEqual({});

    const saved = await sync.store.settings.get(lucia.user);
    if (!saved) throw new Error('no settings');
    await sync.store.settings.put(lucia.user, { ...saved, actionsEnabled: true, events: 'off' }, new Date().toISOString());
    const tasksOnly = await sync.run('lucia');
    expect(calls.map((call) => call.name)).toEqual(['tasks']);
    expect(Object.keys(tasksOnly.report.collections)).toEqual(['tasks']);
  });

  it('runs the actions of a mailbox whose contact sync is off', async () => {
    const calls: Call[] = [];
    const sync = await startWith({ events: fakeCollection('events', calls), tasks: fakeCollection('tasks', calls) }, { contacts: 'off' });

    const run = await sync.run('lucia');

    expect(calls.map((call) => call.name)).toEqual(['events', 'tasks']);
    expect(calls[0]?.contactLinks).toBe(0);
    expect(sync.folderContacts('lucia')).toEqual([]);
    expect(run).toMatchObject({ status: 'succeeded', report: { contactsSynced: false, applied: 0, collections: { events: { outcome: 'succeeded' } } } });
  });

  it('puts a mailbox with only actions on in the schedule', async () => {
    const calls: Call[] = [];
    const sync = await startWith({ events: fakeCollection('events', calls) }, { contacts: 'off' });
    await activateSync(sync.store, 'contoso');

    expect((await sync.service.dueMailboxes()).map((due) => due.user.objectId)).toContain(lucia.user.objectId);
  });

  it('still refuses a run when neither contacts nor any served collection is on', async () => {
    const sync = await startWith({}, { contacts: 'off' });

    await expect(sync.service.runNow(lucia.environment, lucia.user)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('a failing action collection', () => {
  it('keeps the contacts result, reports the collection failed and still runs the next one', async () => {
    const calls: Call[] = [];
    const sync = await startWith({ events: fakeCollection('events', calls, { fails: new Error('calendar store broke') }), tasks: fakeCollection('tasks', calls) }, {});

    const run = await sync.run('lucia');

    expect(calls.map((call) => call.name)).toEqual(['events', 'tasks']);
    expect(run.status).toBe('failed');
    expect(run.report.applied).toBeGreaterThan(0);
    expect(sync.folderContacts('lucia').length).toBe(run.report.planned.createInOutlook);
    expect(run.report.collections.events).toMatchObject({ outcome: 'failed', failure: { code: 'unavailable', message: expect.stringContaining('calendar store broke') } });
    expect(run.report.collections.tasks).toMatchObject({ outcome: 'succeeded' });
    expect(run.report.failure).toMatchObject({ code: 'unavailable' });
    // The contacts' cursors were saved: the next run is quiet for them.
    const next = await sync.run('lucia');
    expect(next.report.planned.createInOutlook).toBe(0);
  });

  it('stops the collections after it when its failure is run-level, and the run is failed with it', async () => {
    const calls: Call[] = [];
    const throttled = { outcome: 'failed', failure: { code: 'throttled', message: 'Graph kept throttling', retryAfterMs: 30_000 } } as const;
    const sync = await startWith({ events: fakeCollection('events', calls, { report: throttled }), tasks: fakeCollection('tasks', calls) }, {});

    const run = await sync.run('lucia');

    expect(calls.map((call) => call.name)).toEqual(['events']);
    expect(run).toMatchObject({ status: 'failed', report: { outcome: 'failed', failure: { code: 'throttled', retryAfterMs: 30_000 }, collections: { events: { outcome: 'failed' } } } });
    expect(run.report.collections.tasks).toBeUndefined();
  });

  it('partial collections leave the run succeeded', async () => {
    const calls: Call[] = [];
    const sync = await startWith({ events: fakeCollection('events', calls, { report: { outcome: 'partial', failedOperations: 2 } }) }, {});

    const run = await sync.run('lucia');

    expect(run).toMatchObject({ status: 'succeeded', report: { outcome: 'succeeded', collections: { events: { outcome: 'partial', failedOperations: 2 } } } });
  });
});

describe('a run-level contact failure', () => {
  it('skips the actions: they would meet the same refusal', async () => {
    const calls: Call[] = [];
    const sync = await startWith({ events: fakeCollection('events', calls), tasks: fakeCollection('tasks', calls) }, {});
    await sync.store.tokenCache.remove(lucia.user);

    const run = await sync.run('lucia');

    expect(calls).toEqual([]);
    expect(run).toMatchObject({ status: 'failed', report: { failure: { code: 'auth_required' }, collections: {} } });
  });
});
