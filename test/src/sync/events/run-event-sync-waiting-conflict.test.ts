import { describe, expect, it } from 'vitest';
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
