import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionInput, ErpAction } from '../../../src/domain/erp-records';
import { defaultSyncSettings, type SyncSettings } from '../../../src/domain/sync-settings';
import { erpIdPropertyId } from '../../../src/graph/erp-id-property';
import { openDemoErp, type DemoErp } from '../../../server/erp/demo/open-demo-erp';
import type { ActionCollectionReport } from '../../../server/jobs/action-collection-run';
import { createErpActionSource } from '../../../server/jobs/create-erp-action-source';
import { runEventCollection } from '../../../server/jobs/run-event-collection';
import { openStore } from '../../../server/store/open-store';
import type { Store } from '../../../server/store/store';
import type { Calendar, Collection, EventJson } from '../../dev/m365/graph/support/graph-json';
import { contoso } from '../../dev/m365/graph/support/start-test-graph';
import { type CalendarTest, startCalendarTest } from '../../src/graph/support/start-calendar-test';

const user = { tenantId: contoso.tenantId, objectId: contoso.ana.id };
const email = contoso.ana.userPrincipalName;

interface World {
  graph: CalendarTest;
  erp: DemoErp;
  store: Store;
  erpUserId: string;
  /** The run's clock, which the test moves (the window follows it). */
  now: Date;
  add(input: Partial<ActionInput>): Promise<ErpAction>;
  run(options?: { settings?: Partial<SyncSettings>; inviteAttendees?: boolean; eventOutlookDelete?: 'suppress' | 'cancel' }): Promise<ActionCollectionReport & { requests: number }>;
  /** The mailbox's events as Ana's Outlook shows them, with the ERP id property. */
  events(calendarPath?: string): Promise<EventJson[]>;
  /** Ana edits an event in Outlook. */
  edit(eventId: string, body: Record<string, unknown>): Promise<void>;
}

let world: World | undefined;

async function startWorld(): Promise<World> {
  const graph = await startCalendarTest();
  const erp = await openDemoErp({ file: ':memory:', seed: { seed: 3, contacts: 1, actionsPerContact: 0, salespeople: [{ email, displayName: 'Ana Alves' }] } });
  const store = await openStore('sqlite::memory:', { encryptionKey: Buffer.alloc(32, 7).toString('base64') });
  await store.users.upsert({ ...user, environment: 'acme', email, displayName: 'Ana Alves' }, new Date().toISOString());
  const erpUser = await erp.findUserByEmail(email);
  if (!erpUser) throw new Error('Ana is no ERP user');
  const erpUserId = erpUser.id;
  const source = createErpActionSource(erp, { erpUserId, email }, { erpUserId });
  let ids = 0;
  const asAna = <Body>(path: string, options: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => graph.graph.call<Body>(path, { token: graph.graph.anaSyncToken, ...options });
  const created: World = {
    graph, erp, store, erpUserId, now: new Date(),
    add: (input) => erp.createAction({
      type: 'visit', subject: 'Visita a Ferretería Núñez', notes: 'Tarifa <b>2027</b> & catálogo', allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false, ownerId: erpUserId,
      start: new Date(Date.now() + 2 * 86_400_000).toISOString(), end: new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString(), ...input,
    }, { erpUserId, email }),
    async run(options = {}) {
      const before = graph.requests();
      const report = await runEventCollection({
        environment: 'acme', user, settings: { ...defaultSyncSettings, enabled: true, actionsEnabled: true, ...options.settings },
        inviteAttendees: options.inviteAttendees ?? false, ...(options.eventOutlookDelete ? { eventOutlookDelete: options.eventOutlookDelete } : {}),
        client: graph.client, mailbox: graph.mailbox, erp: source, store,
        now: () => created.now, newId: () => `id-${(ids += 1)}`, onState: async () => undefined,
      });
      return { ...report, requests: graph.requests() - before };
    },
    async events(calendarPath = '/me/events') {
      const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${erpIdPropertyId}')`);
      return (await asAna<Collection<EventJson>>(`${calendarPath}?$top=1000&$expand=${expand}`)).body.value;
    },
    async edit(eventId, body) {
      const answer = await asAna(`/me/events/${eventId}`, { method: 'PATCH', body });
      if (answer.status !== 200) throw new Error(`the edit was refused: ${answer.status}`);
    },
  };
  return created;
}

beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world?.store.close();
  await world?.erp.close();
  await world?.graph.close();
});

const theWorld = () => {
  if (!world) throw new Error('no world');
  return world;
};
const tagOf = (event: EventJson) => event.singleValueExtendedProperties?.[0]?.value;

describe('runEventCollection against the Graph emulator', () => {
  it('puts the timed actions in the primary calendar, then runs quietly with one Graph request', async () => {
    const sync = theWorld();
    const visit = await sync.add({});
    await sync.add({ subject: 'Llamar', start: undefined, end: undefined, dueDate: '2027-03-01' });

    const first = await sync.run();
    const second = await sync.run();
    const events = await sync.events();

    expect(first).toMatchObject({ outcome: 'succeeded', applied: { outlookCreated: 1 } });
    expect(events.map((event) => [tagOf(event), event.subject, event.categories, event.showAs, event.attendees])).toEqual([[`acme:${visit.id}`, visit.subject, ['ERP'], 'busy', []]]);
    expect(second).toMatchObject({ outcome: 'succeeded', quiet: true, requests: 1 });
  });

  it('runs on one Graph request after a first sync of 300 events: its cursor is past its own writes', async () => {
    const sync = theWorld();
    for (let index = 0; index < 300; index += 1) {
      const start = Date.now() + (2 + (index % 60)) * 86_400_000 + (index % 9) * 3_600_000;
      await sync.add({ subject: `Visita ${index}`, start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() });
    }

    const first = await sync.run();
    const second = await sync.run();

    expect(first).toMatchObject({ outcome: 'succeeded', applied: { outlookCreated: 300 } });
    expect(second).toMatchObject({ outcome: 'succeeded', quiet: true, applied: { outlookCreated: 0, outlookUpdated: 0 }, requests: 1 });
  });

  it('moves the ERP action when Ana moves its event in Outlook, and makes no second event', async () => {
    const sync = theWorld();
    const visit = await sync.add({});
    await sync.run();
    const [event] = await sync.events();
    await sync.edit(event?.id ?? '', { start: { dateTime: '2027-05-04T10:00:00', timeZone: 'Romance Standard Time' }, end: { dateTime: '2027-05-04T11:15:00', timeZone: 'Romance Standard Time' }, subject: 'Visita (movida)' });

    const moved = await sync.run();
    const after = await sync.events();

    expect(moved.applied).toMatchObject({ erpUpdated: 1, outlookCreated: 0 });
    expect(await sync.erp.getAction(visit.id)).toMatchObject({ subject: 'Visita (movida)', start: '2027-05-04T08:00:00.000Z', end: '2027-05-04T09:15:00.000Z' });
    expect(after).toHaveLength(1);
    expect((await sync.run()).quiet).toBe(true);
  });

  it("never reads Ana's private events, nor her edits of a synced event she made private", async () => {
    const sync = theWorld();
    const visit = await sync.add({});
    await sync.run();
    const [event] = await sync.events();
    await sync.graph.graph.call('/me/events', { token: sync.graph.graph.anaSyncToken, method: 'POST', body: { subject: 'Médico', sensitivity: 'private', categories: ['ERP'], start: { dateTime: '2027-05-05T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2027-05-05T10:00:00', timeZone: 'UTC' } } });
    await sync.edit(event?.id ?? '', { sensitivity: 'confidential', body: { contentType: 'text', content: 'solo para mí' } });

    const report = await sync.run();

    expect(report.applied).toMatchObject({ erpUpdated: 0, erpCreated: 0 });
    expect((await sync.erp.getAction(visit.id))?.notes).toBe(visit.notes);
    expect((await sync.erp.listActions({ ownerId: sync.erpUserId, limit: 100 })).items).toHaveLength(1);
  });

  it('leaves one event when the answer to its create is lost after Graph made it', async () => {
    const sync = theWorld();
    const visit = await sync.add({});
    sync.graph.loseAnswer((method, url, body) => method === 'POST' && url.endsWith('/$batch') && body.includes('"POST"'));

    const lost = await sync.run();
    const retried = await sync.run();
    const events = await sync.events();

    expect(lost.outcome).toBe('failed');
    expect(retried.outcome).toBe('succeeded');
    expect(events.map(tagOf)).toEqual([`acme:${visit.id}`]);
    expect((await sync.run()).quiet).toBe(true);
  });

  it('writes no attendees when the environment does not allow them, even for an action with a contact', async () => {
    const sync = theWorld();
    const customer = await sync.erp.createContact({ displayName: 'Compras Núñez', emails: ['compras@ferreteria-nunez.example'] }, { erpUserId: sync.erpUserId, email });
    await sync.add({ type: 'meeting', contactId: customer.id });
    await sync.add({ type: 'visit', subject: 'Visita 2' });

    await sync.run();
    const events = await sync.events();

    expect(events).toHaveLength(2);
    for (const event of events) expect(event.attendees).toEqual([]);
  });

  it("invites exactly the action's contact when the environment allows it, and keeps whoever Ana adds through later updates", async () => {
    const sync = theWorld();
    const customer = await sync.erp.createContact({ displayName: 'Compras Núñez', emails: ['compras@ferreteria-nunez.example'] }, { erpUserId: sync.erpUserId, email });
    const visit = await sync.add({ contactId: customer.id });
    await sync.add({ subject: 'Visita sin contacto' });

    await sync.run({ inviteAttendees: true });
    const created = await sync.events();
    const event = created.find((item) => tagOf(item) === `acme:${visit.id}`);
    const invited = event?.attendees?.map((attendee) => attendee.emailAddress?.address);
    const colleague = { type: 'optional', emailAddress: { address: 'bruno@contoso.example', name: 'Bruno' } };
    await sync.edit(event?.id ?? '', { attendees: [...(event?.attendees ?? []), colleague] });
    await sync.run({ inviteAttendees: true });
    await sync.erp.updateAction(visit.id, { subject: 'Visita (confirmada)', version: (await sync.erp.getAction(visit.id))?.version ?? 0 }, { erpUserId: sync.erpUserId, email });
    const updated = await sync.run({ inviteAttendees: true });
    const after = (await sync.events()).find((item) => tagOf(item) === `acme:${visit.id}`);

    expect(invited).toEqual(['compras@ferreteria-nunez.example']);
    expect(created.filter((item) => tagOf(item) !== `acme:${visit.id}`).map((item) => item.attendees)).toEqual([[]]);
    expect(updated.applied).toMatchObject({ outlookUpdated: 1 });
    expect(after?.subject).toBe('Visita (confirmada)');
    expect(after?.attendees?.map((attendee) => attendee.emailAddress?.address)).toEqual(['compras@ferreteria-nunez.example', 'bruno@contoso.example']);
  });

  it('rolls the window forward without losing an event that left it or an Outlook edit made before', async () => {
    const sync = theWorld();
    const start = Date.now();
    sync.now = new Date(start);
    const soon = await sync.add({ start: new Date(start - 85 * 86_400_000).toISOString(), end: new Date(start - 85 * 86_400_000 + 3_600_000).toISOString(), subject: 'Visita pasada' });
    const later = await sync.add({});
    await sync.run();
    const events = await sync.events();
    const laterEvent = events.find((event) => tagOf(event) === `acme:${later.id}`);
    await sync.edit(laterEvent?.id ?? '', { subject: 'Editada en Outlook' });

    sync.now = new Date(start + 10 * 86_400_000);
    const rolled = await sync.run();

    expect(rolled).toMatchObject({ outcome: 'succeeded', applied: { outlookCreated: 0, outlookRemoved: 0, erpUpdated: 1 } });
    expect((await sync.erp.getAction(later.id))?.subject).toBe('Editada en Outlook');
    expect((await sync.events()).map(tagOf).toSorted()).toEqual([`acme:${soon.id}`, `acme:${later.id}`].toSorted());
    expect((await sync.store.links.get(user, 'event', soon.id))?.state).toBe('active');
    expect((await sync.run()).quiet).toBe(true);
  });

  it('resyncs after an expired delta link without duplicates', async () => {
    const sync = theWorld();
    await sync.add({});
    await sync.add({ subject: 'Otra' });
    await sync.run();
    sync.graph.graph.emulator.admin.expireDeltaTokens();

    const resynced = await sync.run();

    expect(resynced).toMatchObject({ outcome: 'succeeded', applied: { outlookCreated: 0, outlookRemoved: 0 } });
    expect(await sync.events()).toHaveLength(2);
  });

  it('keeps the events in the calendar Ana chose, listed in one request when nothing changed', async () => {
    const sync = theWorld();
    const calendar = await sync.graph.graph.call<Calendar>('/me/calendars', { token: sync.graph.graph.anaSyncToken, method: 'POST', body: { name: 'ERP' } });
    const calendarId = calendar.body.id ?? '';
    const visit = await sync.add({});

    await sync.run({ settings: { actionsCalendarId: calendarId } });
    const quiet = await sync.run({ settings: { actionsCalendarId: calendarId } });

    expect((await sync.events(`/me/calendars/${calendarId}/events`)).map(tagOf)).toEqual([`acme:${visit.id}`]);
    expect(await sync.events('/me/calendar/events')).toEqual([]);
    expect(quiet).toMatchObject({ quiet: true, requests: 1 });
  });

  it('cancels the action of an event Ana deleted when the environment says so, and never deletes the action', async () => {
    const sync = theWorld();
    const visit = await sync.add({});
    await sync.run();
    const [event] = await sync.events();
    await sync.graph.graph.call(`/me/events/${event?.id ?? ''}`, { token: sync.graph.graph.anaSyncToken, method: 'DELETE' });

    await sync.run({ eventOutlookDelete: 'cancel' });
    const after = await sync.run({ eventOutlookDelete: 'cancel' });

    expect(await sync.erp.getAction(visit.id)).toMatchObject({ status: 'cancelled' });
    expect(await sync.events()).toEqual([]);
    expect(after.applied.outlookCreated).toBe(0);
  });

  it('makes an ERP action of an event Ana tags ERP, when she allows it, keyed as logging the meeting would be', async () => {
    const sync = theWorld();
    const created = await sync.graph.graph.call<EventJson>('/me/events', {
      token: sync.graph.graph.anaSyncToken, method: 'POST',
      body: { subject: 'Feria de proveedores', categories: ['ERP'], body: { contentType: 'text', content: 'Stand 4 <b>B</b>' }, start: { dateTime: '2027-05-06T09:00:00', timeZone: 'Romance Standard Time' }, end: { dateTime: '2027-05-06T13:00:00', timeZone: 'Romance Standard Time' } },
    });

    const off = await sync.run();
    const on = await sync.run({ settings: { eventsFromOutlook: true } });
    const again = await sync.run({ settings: { eventsFromOutlook: true } });
    const action = await sync.erp.findActionBySourceKey(`acme:meeting:${created.body.iCalUId ?? ''}`);

    expect(off.applied.erpCreated).toBe(0);
    expect(on.applied).toMatchObject({ erpCreated: 1, outlookUpdated: 1 });
    expect(action).toMatchObject({ type: 'meeting', subject: 'Feria de proveedores', notes: 'Stand 4 <b>B</b>', start: '2027-05-06T07:00:00.000Z', end: '2027-05-06T11:00:00.000Z', ownerId: sync.erpUserId });
    expect((await sync.events()).map(tagOf)).toEqual([`acme:${action?.id ?? ''}`]);
    expect(again).toMatchObject({ quiet: true, requests: 1 });
  });
});
