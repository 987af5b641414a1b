import { describe, expect, it } from 'vitest';
import { eventProjection } from '../../../../src/graph/events/event-projection';
import { SyncError } from '../../../../src/sync/sync-error';
import { buildErpAction } from '../../../builders/build-erp-action';
import { createEventSyncFakes } from '../../../builders/event-sync-fakes';

/** An event of the user's own on the visit's morning. */
const ownEvent = (subject: string) => ({ ...eventProjection.fieldsOf(buildErpAction()), subject, notes: '' });

const visitFields = () => {
  const { id: _id, version: _version, updatedAt: _updatedAt, ...fields } = buildErpAction();
  return fields;
};

describe('runEventSync', () => {
  it('creates the events of the timed actions in scope, and then runs quietly with one calendar request', async () => {
    const sync = createEventSyncFakes();
    const visit = sync.erp.addInErp(visitFields());
    sync.erp.addInErp({ subject: 'Llamar a Núñez', dueDate: '2027-03-01' });

    const first = await sync.run();
    sync.calendar.requests = 0;
    const second = await sync.run();

    expect(first).toMatchObject({ outcome: 'succeeded', applied: { outlookCreated: 1 } });
    expect(sync.calendar.tagged(`acme:${visit.id}`)).toHaveLength(1);
    expect(sync.calendar.events.size).toBe(1);
    expect(second).toMatchObject({ outcome: 'succeeded', quiet: true, applied: { outlookCreated: 0, outlookUpdated: 0, erpUpdated: 0 } });
    expect(sync.calendar.requests).toBe(1);
  });

  it('reads on the next run an edit the user makes to another event while the run writes', async () => {
    const sync = createEventSyncFakes();
    const visit = sync.erp.addInErp(visitFields());
    const other = sync.erp.addInErp({ ...visitFields(), subject: 'Visita a Ferretería Núñez' });
    await sync.run();
    sync.erp.editInErp(visit.id, { subject: 'Visita movida en el ERP' });
    let edited = false;
    sync.calendar.failWrite = () => {
      if (!edited) sync.calendar.edit(sync.calendar.tagged(`acme:${other.id}`)[0]?.id ?? '', { fields: { notes: 'Lo escribió Ana mientras tanto' } });
      edited = true;
      return undefined;
    };

    const writing = await sync.run();
    const next = await sync.run();

    expect(writing).toMatchObject({ outcome: 'succeeded', applied: { outlookUpdated: 1 } });
    expect(next).toMatchObject({ outcome: 'succeeded', applied: { erpUpdated: 1 } });
    expect(sync.erp.action(other.id)?.notes).toBe('Lo escribió Ana mientras tanto');
  });

  it('moves the ERP action when its event is moved in Outlook, and makes no second event', async () => {
    const sync = createEventSyncFakes();
    const visit = sync.erp.addInErp(visitFields());
    await sync.run();
    const [event] = sync.calendar.tagged(`acme:${visit.id}`);
    sync.calendar.edit(event?.id ?? '', { fields: { start: '2027-03-03T08:00:00.000Z', end: '2027-03-03T09:00:00.000Z' } });

    const report = await sync.run();

    expect(report.applied).toMatchObject({ erpUpdated: 1, outlookCreated: 0 });
    expect(sync.erp.action(visit.id)).toMatchObject({ start: '2027-03-03T08:00:00.000Z', end: '2027-03-03T09:00:00.000Z', version: 2 });
    expect(sync.calendar.events.size).toBe(1);
    expect((await sync.run()).quiet).toBe(true);
  });

  it("never reads the user's own events, private or not, nor edits of a synced event made private", async () => {
    const sync = createEventSyncFakes();
    const visit = sync.erp.addInErp(visitFields());
    await sync.run();
    const [event] = sync.calendar.tagged(`acme:${visit.id}`);
    sync.calendar.add({ fields: ownEvent('Dentist'), sensitivity: 'private', categories: ['ERP'] });
    sync.calendar.add({ fields: ownEvent('Lunch') });
    sync.calendar.edit(event?.id ?? '', { sensitivity: 'private', fields: { notes: 'my own notes' } });

    const report = await sync.run();

    expect(report.applied.erpUpdated).toBe(0);
    expect(sync.erp.writes).toBe(0);
    expect(sync.erp.action(visit.id)?.notes).toBe(visit.notes);
  });

  it('keeps one event when a create went through but its answer was lost', async () => {
    const sync = createEventSyncFakes();
    const visit = sync.erp.addInErp(visitFields());
    const write = sync.calendar.write.bind(sync.calendar);
    sync.calendar.write = async (writes) => {
      await write(writes);
      return writes.map(() => ({ ok: false as const, error: new SyncError('unavailable', 'connection reset', { outcomeUnknown: true }) }));
    };
    const lost = await sync.run();
    sync.calendar.write = write;

    const retried = await sync.run();
    const settled = await sync.run();

    expect(lost.outcome).toBe('partial');
    expect(retried.outcome).toBe('succeeded');
    expect(sync.calendar.tagged(`acme:${visit.id}`)).toHaveLength(1);
    expect(sync.store.links.get(visit.id)?.outlookId).toBe(sync.calendar.tagged(`acme:${visit.id}`)[0]?.id);
    expect(settled.quiet).toBe(true);
  });

  it('lists the window again after an expired delta link, linking what it finds without duplicates', async () => {
    const sync = createEventSyncFakes();
    sync.erp.addInErp(visitFields());
    sync.erp.addInErp({ ...visitFields(), subject: 'Segunda visita', start: '2027-03-04T08:00:00.000Z', end: '2027-03-04T09:00:00.000Z' });
    await sync.run();
    sync.calendar.expireCursors();

    const report = await sync.run();

    expect(report).toMatchObject({ outcome: 'succeeded', resynced: true, applied: { outlookCreated: 0, outlookRemoved: 0 } });
    expect(sync.calendar.events.size).toBe(2);
    expect((await sync.run()).quiet).toBe(true);
  });

  it('rolls the window forward without taking events that only left it as deleted', async () => {
    const sync = createEventSyncFakes('2027-03-01T10:00:00.000Z');
    const past = sync.erp.addInErp({ ...visitFields(), start: '2026-12-10T09:00:00.000Z', end: '2026-12-10T10:00:00.000Z' });
    const coming = sync.erp.addInErp(visitFields());
    await sync.run();
    expect(sync.calendar.events.size).toBe(2);

    sync.clock.set('2027-03-20T10:00:00.000Z');
    const rolled = await sync.run();

    expect(rolled).toMatchObject({ outcome: 'succeeded', resynced: true, applied: { outlookCreated: 0, outlookRemoved: 0, erpUpdated: 0 } });
    expect(sync.store.links.get(past.id)?.state).toBe('active');
    expect(sync.store.links.get(coming.id)?.state).toBe('active');
    expect(sync.store.saved.outlook?.window.start).toBe('2026-12-20T00:00:00.000Z');
    expect((await sync.run()).quiet).toBe(true);
  });

  it('suppresses an action whose event the user deleted, or cancels it when the environment says so, and never deletes it', async () => {
    const sync = createEventSyncFakes();
    const kept = sync.erp.addInErp(visitFields());
    const cancelled = sync.erp.addInErp({ ...visitFields(), subject: 'Otra visita' });
    await sync.run();
    sync.calendar.remove(sync.calendar.tagged(`acme:${kept.id}`)[0]?.id ?? '');
    await sync.run();
    sync.calendar.remove(sync.calendar.tagged(`acme:${cancelled.id}`)[0]?.id ?? '');
    await sync.run({ outlookDelete: 'cancel' });
    const again = await sync.run();

    expect(sync.store.links.get(kept.id)?.state).toBe('suppressed');
    expect(sync.erp.action(kept.id)?.status).toBe('planned');
    expect(sync.erp.action(cancelled.id)?.status).toBe('cancelled');
    expect(sync.erp.ids()).toEqual([kept.id, cancelled.id].toSorted());
    expect(again.applied.outlookCreated).toBe(0);
    expect(sync.calendar.events.size).toBe(0);

    sync.erp.editInErp(kept.id, { subject: 'Visita aplazada' });
    await sync.run();
    expect(sync.calendar.tagged(`acme:${kept.id}`).map((event) => event.fields.subject)).toEqual(['Visita aplazada']);
  });

  it('removes the events of actions that became tasks, were reassigned away, deleted or cancelled in the ERP', async () => {
    const sync = createEventSyncFakes();
    const ids = [1, 2, 3, 4].map((index) => sync.erp.addInErp({ ...visitFields(), subject: `Visita ${index}` }).id);
    const other = sync.calendar.add({ fields: ownEvent('Own event') });
    await sync.run();
    sync.erp.editInErp(ids[0] ?? '', { start: undefined, end: undefined, dueDate: '2027-03-02' });
    sync.erp.reassignInErp(ids[1] ?? '', 'U-ben');
    sync.erp.deleteInErp(ids[2] ?? '');
    sync.erp.editInErp(ids[3] ?? '', { status: 'cancelled' });

    const report = await sync.run();

    expect(report.applied.outlookRemoved).toBe(4);
    expect([...sync.calendar.events.keys()]).toEqual([other.id]);
    expect(sync.store.links.size).toBe(0);
  });

  it('writes an ERP edit to the event, and never adds attendees', async () => {
    const sync = createEventSyncFakes();
    const visit = sync.erp.addInErp({ ...visitFields(), contactId: 'C-1' });
    await sync.run();
    sync.erp.editInErp(visit.id, { subject: 'Visita (confirmada)', private: true });

    const report = await sync.run();

    expect(report.applied.outlookUpdated).toBe(1);
    expect(sync.calendar.tagged(`acme:${visit.id}`)[0]).toMatchObject({ sensitivity: 'private', attendees: [], fields: { subject: 'Visita (confirmada)', private: true } });
  });

  it('invites the contact of an upcoming planned action on create when the environment allows it, and never anyone else', async () => {
    const sync = createEventSyncFakes();
    const customer = sync.erp.addContactInErp('compras@ferreteria-nunez.example');
    const silent = sync.erp.addContactInErp();
    const visit = sync.erp.addInErp({ ...visitFields(), contactId: customer });
    const past = sync.erp.addInErp({ ...visitFields(), subject: 'Visita pasada', start: '2027-02-20T08:00:00.000Z', end: '2027-02-20T09:00:00.000Z', contactId: customer });
    const done = sync.erp.addInErp({ ...visitFields(), subject: 'Visita hecha', status: 'done', contactId: customer });
    const noEmail = sync.erp.addInErp({ ...visitFields(), subject: 'Visita sin correo', contactId: silent });
    const alone = sync.erp.addInErp({ ...visitFields(), subject: 'Visita sin contacto' });

    await sync.run({ inviteAttendees: true });
    sync.erp.editInErp(visit.id, { subject: 'Visita (confirmada)' });
    const update = await sync.run({ inviteAttendees: true });

    const attendeesOf = (erpId: string) => sync.calendar.tagged(`acme:${erpId}`)[0]?.attendees;
    expect(attendeesOf(visit.id)).toEqual(['compras@ferreteria-nunez.example']);
    for (const action of [past, done, noEmail, alone]) expect(attendeesOf(action.id)).toEqual([]);
    expect(update.applied.outlookUpdated).toBe(1);
    // Looked up for creates only: the update asked for no contact.
    expect(sync.erp.contactLookups).toEqual([customer, silent]);
  });

  it('invites nobody when the environment does not allow it, even for an action with a contact', async () => {
    const sync = createEventSyncFakes();
    const visit = sync.erp.addInErp({ ...visitFields(), contactId: sync.erp.addContactInErp('compras@ferreteria-nunez.example') });

    await sync.run();

    expect(sync.calendar.tagged(`acme:${visit.id}`)[0]?.attendees).toEqual([]);
    expect(sync.erp.contactLookups).toEqual([]);
  });

  it('makes an ERP action of an event Ana tags ERP when she allows it, once, and tags the event as ours', async () => {
    const sync = createEventSyncFakes();
    const own = sync.calendar.add({ fields: ownEvent('Feria de proveedores'), iCalUId: 'ical-1' });
    const secret = sync.calendar.add({ fields: ownEvent('Médico'), iCalUId: 'ical-2', sensitivity: 'private' });
    await sync.run({ eventsFromOutlook: true });
    sync.calendar.edit(own.id, { categories: ['ERP'] });
    sync.calendar.edit(secret.id, { categories: ['ERP'] });

    const off = await sync.run();
    const on = await sync.run({ eventsFromOutlook: true });
    const again = await sync.run({ eventsFromOutlook: true });

    expect(off.applied.erpCreated).toBe(0);
    expect(on.applied).toMatchObject({ erpCreated: 1, outlookUpdated: 1 });
    const [action] = await sync.erp.listActionsInScope();
    expect(action).toMatchObject({ type: 'meeting', subject: 'Feria de proveedores', start: own.fields.start, end: own.fields.end, private: false });
    expect(sync.calendar.events.get(own.id)?.tag).toBe(`acme:${action?.id ?? ''}`);
    expect(sync.calendar.events.get(secret.id)?.tag).toBeUndefined();
    expect(again.quiet).toBe(true);
    expect(sync.erp.ids()).toHaveLength(1);
  });
});
