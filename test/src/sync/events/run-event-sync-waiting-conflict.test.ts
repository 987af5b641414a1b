import { describe, expect, it } from 'vitest';
import { SyncError } from '../../../../src/sync/sync-error';
import { buildErpAction } from '../../../builders/build-erp-action';
import { createEventSyncFakes } from '../../../builders/event-sync-fakes';

const visitFields = () => {
  const { id: _id, version: _version, updatedAt: _updatedAt, ...fields } = buildErpAction();
  return fields;
};

/** Moves the fakes' clock a minute on. */
const later = (sync: { clock: { now(): string; set(at: string): void } }) => sync.clock.set(new Date(Date.parse(sync.clock.now()) + 60_000).toISOString());

describe('runEventSync under the manual policy', () => {
  it("keeps each side's value of a field waiting for the user over later runs, then applies the user's choice to both", async () => {
    const sync = createEventSyncFakes();
    const visit = sync.erp.addInErp(visitFields());
    await sync.run({ policy: 'manual' });
    const [event] = sync.calendar.tagged(`acme:${visit.id}`);
    later(sync);
    sync.erp.editInErp(visit.id, { notes: 'Nota del ERP' });
    sync.calendar.edit(event?.id ?? '', { fields: { notes: 'Note de Ana' } });

    await sync.run({ policy: 'manual' });
    later(sync);
    await sync.run({ policy: 'manual' });

    expect(sync.store.conflicts).toEqual([expect.objectContaining({ field: 'notes', status: 'open', erpValue: 'Nota del ERP', outlookValue: 'Note de Ana' })]);
    expect(sync.erp.action(visit.id)?.notes).toBe('Nota del ERP');
    expect(sync.calendar.tagged(`acme:${visit.id}`)[0]?.fields.notes).toBe('Note de Ana');

    later(sync);
    sync.store.conflicts = sync.store.conflicts.map((conflict) => ({ ...conflict, status: 'resolved', resolution: 'outlook', resolvedAt: sync.clock.now() }));
    later(sync);
    await sync.run({ policy: 'manual' });

    expect(sync.erp.action(visit.id)?.notes).toBe('Note de Ana');
    expect(sync.calendar.tagged(`acme:${visit.id}`)[0]?.fields.notes).toBe('Note de Ana');
  });
});

describe('runEventSync when a conflict is settled by a write that fails', () => {
  it('keeps one record of the conflict while the next run retries the write', async () => {
    const sync = createEventSyncFakes();
    const visit = sync.erp.addInErp(visitFields());
    await sync.run();
    const [event] = sync.calendar.tagged(`acme:${visit.id}`);
    later(sync);
    sync.erp.editInErp(visit.id, { subject: 'Visita del ERP' });
    sync.calendar.edit(event?.id ?? '', { fields: { subject: 'Visite de Ana' } });
    sync.calendar.failWrite = () => new SyncError('unavailable', 'connection reset', { outcomeUnknown: true });

    await sync.run();
    sync.calendar.failWrite = () => undefined;
    later(sync);
    await sync.run();

    expect(sync.calendar.tagged(`acme:${visit.id}`)[0]?.fields.subject).toBe('Visita del ERP');
    expect(sync.store.conflicts).toEqual([expect.objectContaining({ field: 'subject', status: 'resolved', resolution: 'erp', erpValue: 'Visita del ERP', outlookValue: 'Visite de Ana' })]);
  });
});
