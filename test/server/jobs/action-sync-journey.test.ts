import { describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { demoUserRow } from '../../../server/erp/demo/demo-rows';
import { runEventCollection } from '../../../server/jobs/run-event-collection';
import { runTaskCollection } from '../../../server/jobs/run-task-collection';
import type { ActionInput } from '../../../src/domain/erp-records';
import { defaultSyncSettings } from '../../../src/domain/sync-settings';
import { mailboxes, useSyncWorlds } from './support/start-sync-world';

const worlds = useSyncWorlds();

/** Fabrikam's two salespeople, synced app-only, each an ERP user of Fabrikam's demo ERP. */
const amelie = mailboxes.amelie;
const francois = {
  environment: 'fabrikam',
  user: { tenantId: demoIds.fabrikamTenantId, objectId: demoIds.francoisObjectId },
  email: 'francois.lefevre@fabrikamfrance.onmicrosoft.com',
  name: 'François Lefèvre',
} as const;
const erpUserIds = { amelie: '9001', francois: '9002' } as const;

async function startJourney() {
  const sync = await worlds.start({ contacts: 5, service: { actionCollections: { events: runEventCollection, tasks: runTaskCollection } } });
  const erp = sync.erps.fabrikam;
  await erp.database
    .insertInto('erp_users')
    .values([demoUserRow(Number(erpUserIds.amelie), amelie.email, amelie.name), demoUserRow(Number(erpUserIds.francois), francois.email, francois.name)])
    .execute();
  const now = new Date().toISOString();
  await sync.store.users.upsert({ ...francois.user, environment: francois.environment, email: francois.email, displayName: francois.name }, now);
  // Each run of this file shares the emulator's mailboxes: a list of its own keeps the tasks apart.
  const todoListName = `ERP ${Date.now().toString(36)}`;
  const amelieSettings = await sync.store.settings.get(amelie.user);
  if (!amelieSettings) throw new Error('the world saved no settings for Amélie');
  await sync.store.settings.put(amelie.user, { ...amelieSettings, actionsEnabled: true, events: 'two-way', tasks: 'two-way', todoListName }, now);
  await sync.store.settings.put(francois.user, { ...defaultSyncSettings, enabled: true, contacts: 'off', actionsEnabled: true, events: 'two-way', tasks: 'two-way', todoListName }, now);

  const admin = sync.shared.m365.graph.admin;
  const tag = (erpId: string) => `fabrikam:${erpId}`;
  const snapshot = (objectId: string) => admin.readMailbox(objectId);
  const eventsTagged = (objectId: string, erpId: string) =>
    snapshot(objectId).events.filter((event) => event.singleValueExtendedProperties?.some((property) => property.value === tag(erpId)));
  const tasksTagged = (objectId: string, erpId: string) => {
    const mailbox = snapshot(objectId);
    const lists = new Set(mailbox.todoLists.filter((list) => list.displayName === todoListName).map((list) => list.id));
    return mailbox.tasks.filter((task) => lists.has(task.listId) && task.linkedResources?.some((resource) => resource.externalId === tag(erpId)));
  };
  const run = async (who: { environment: string; user: { tenantId: string; objectId: string } }) => {
    const { runId } = await sync.service.runNow(who.environment, who.user);
    return sync.service.waitForRun(runId);
  };
  const clerk = { email: 'planificacion@fabrikam.example' };
  const add = (fields: Partial<ActionInput> & Pick<ActionInput, 'subject'>) =>
    erp.createAction({ type: 'task', allDay: false, timeZone: 'Europe/Paris', status: 'planned', private: false, ownerId: erpUserIds.amelie, ...fields }, clerk);
  return { sync, erp, eventsTagged, tasksTagged, run, add, clerk };
}

describe('action sync through real mailbox runs (demo ERP, Graph emulator)', () => {
  it("puts an ERP visit in the owner's calendar and a call in her To Do, and moves both to the new owner's mailbox when the ERP reassigns them", async () => {
    const journey = await startJourney();
    const start = new Date(Date.now() + 3 * 86_400_000);
    const visit = await journey.add({ type: 'visit', subject: 'Visite chez Lefèvre et Fils', start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() });
    const call = await journey.add({ type: 'call', subject: 'Rappeler Mme Dubois', dueDate: start.toISOString().slice(0, 10) });

    const first = await journey.run(amelie);

    expect(first.status).toBe('succeeded');
    expect(first.report.collections).toMatchObject({ events: { outcome: 'succeeded' }, tasks: { outcome: 'succeeded' } });
    expect(journey.eventsTagged(amelie.user.objectId, visit.id)).toMatchObject([{ subject: 'Visite chez Lefèvre et Fils', categories: ['ERP'] }]);
    expect(journey.eventsTagged(amelie.user.objectId, visit.id)[0]?.attendees ?? []).toEqual([]);
    expect(journey.tasksTagged(amelie.user.objectId, call.id)).toMatchObject([{ title: 'Rappeler Mme Dubois' }]);
    expect(journey.tasksTagged(amelie.user.objectId, visit.id)).toEqual([]);
    expect(journey.eventsTagged(francois.user.objectId, visit.id)).toEqual([]);

    for (const action of [visit, call]) {
      const current = await journey.erp.getAction(action.id);
      await journey.erp.updateAction(action.id, { version: current?.version ?? 0, ownerId: erpUserIds.francois }, journey.clerk);
    }
    const amelieAfter = await journey.run(amelie);
    const francoisAfter = await journey.run(francois);

    expect([amelieAfter.status, francoisAfter.status]).toEqual(['succeeded', 'succeeded']);
    expect(journey.eventsTagged(amelie.user.objectId, visit.id)).toEqual([]);
    expect(journey.tasksTagged(amelie.user.objectId, call.id)).toEqual([]);
    expect(journey.eventsTagged(francois.user.objectId, visit.id)).toHaveLength(1);
    expect(journey.tasksTagged(francois.user.objectId, call.id)).toHaveLength(1);
    // The ERP still has both, now François's: moving mailboxes deleted nothing.
    expect((await journey.erp.getAction(visit.id))?.ownerId).toBe(erpUserIds.francois);
    expect((await journey.erp.getAction(call.id))?.ownerId).toBe(erpUserIds.francois);
  });
});
