import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictPolicies } from '../../../../src/domain/sync-settings';
import type { ErpAction } from '../../../../src/domain/erp-records';
import { createEventSyncFakes, type EventSyncFakes } from '../../../builders/event-sync-fakes';

const zones = ['Europe/Madrid', 'America/Montreal', 'Australia/Sydney', 'America/Santiago', 'UTC'] as const;
const hourMs = 3_600_000;
const base = Date.parse('2027-03-01T00:00:00Z');

const actionArbitrary = fc.record({
  kind: fc.constantFrom('timed', 'allDay', 'task', 'cancelled'),
  day: fc.integer({ min: 0, max: 60 }),
  hour: fc.integer({ min: 0, max: 23 }),
  hours: fc.integer({ min: 0, max: 30 }),
  zone: fc.constantFrom(...zones),
  private: fc.boolean(),
  type: fc.constantFrom<ErpAction['type']>('visit', 'meeting', 'call', 'note'),
});

const editArbitrary = fc.record({
  target: fc.nat(),
  side: fc.constantFrom('erp', 'outlook'),
  change: fc.constantFrom('subject', 'move', 'remove', 'private', 'copy', 'task', 'reassign'),
});

const stateArbitrary = fc.record({
  actions: fc.array(actionArbitrary, { minLength: 1, maxLength: 8 }),
  edits: fc.array(editArbitrary, { maxLength: 6 }),
  direction: fc.constantFrom<'erp-to-outlook' | 'two-way'>('erp-to-outlook', 'two-way'),
  policy: fc.constantFrom(...conflictPolicies),
  outlookDelete: fc.constantFrom<'suppress' | 'cancel'>('suppress', 'cancel'),
});

type Drawn<Arbitrary> = Arbitrary extends fc.Arbitrary<infer Value> ? Value : never;
type Action = Drawn<typeof actionArbitrary>;
type Edit = Drawn<typeof editArbitrary>;

function fieldsOf(action: Action, index: number): Partial<ErpAction> & Pick<ErpAction, 'subject'> {
  const start = base + action.day * 24 * hourMs + action.hour * hourMs;
  const times = action.kind === 'task' ? { dueDate: new Date(start).toISOString().slice(0, 10) } : { start: new Date(start).toISOString(), end: new Date(start + action.hours * hourMs).toISOString() };
  return { subject: `Acción ${index} <b>&</b>`, type: action.type, ...times, allDay: action.kind === 'allDay', timeZone: action.zone, private: action.private, status: action.kind === 'cancelled' ? 'cancelled' : 'planned' };
}

function applyEdit(sync: EventSyncFakes, ids: readonly string[], edit: Edit): void {
  const erpId = ids[edit.target % ids.length] ?? '';
  const [event] = sync.calendar.tagged(`acme:${erpId}`);
  if (edit.side === 'erp') {
    if (sync.erp.action(erpId)?.ownerId !== 'U-ana') return;
    if (edit.change === 'subject') sync.erp.editInErp(erpId, { subject: `ERP ${edit.target}` });
    if (edit.change === 'move') sync.erp.editInErp(erpId, { start: '2027-03-10T08:00:00.000Z', end: '2027-03-10T09:00:00.000Z', allDay: false });
    if (edit.change === 'remove') sync.erp.deleteInErp(erpId);
    if (edit.change === 'private') sync.erp.editInErp(erpId, { private: true });
    if (edit.change === 'task') sync.erp.editInErp(erpId, { start: undefined, end: undefined, allDay: false, dueDate: '2027-03-11' });
    if (edit.change === 'reassign') sync.erp.reassignInErp(erpId, 'U-ben');
    return;
  }
  if (!event) return;
  if (edit.change === 'subject') sync.calendar.edit(event.id, { fields: { subject: `Outlook ${edit.target}` } });
  if (edit.change === 'move' || edit.change === 'task') sync.calendar.edit(event.id, { fields: { start: '2027-03-12T08:00:00.000Z', end: '2027-03-12T09:30:00.000Z', allDay: false } });
  if (edit.change === 'remove') sync.calendar.remove(event.id);
  if (edit.change === 'private' || edit.change === 'reassign') sync.calendar.edit(event.id, { sensitivity: 'private', fields: { notes: 'mine' } });
  // A retried create whose first answer was lost: the same event twice, untouched.
  if (edit.change === 'copy') sync.calendar.add({ fields: event.fields, tag: event.tag ?? '', categories: ['ERP'], createdAt: event.createdAt, lastModifiedAt: event.createdAt });
}

describe('runEventSync: idempotence over random mailboxes', () => {
  it('has nothing left to write after a run, keeps one event per action, never deletes an ERP action, never adds attendees', async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, async (state) => {
        const sync = createEventSyncFakes();
        const ids = state.actions.map((action, index) => sync.erp.addInErp(fieldsOf(action, index)).id);
        const options = { direction: state.direction, policy: state.policy, outlookDelete: state.outlookDelete };
        expect((await sync.run(options)).failures).toEqual([]);
        sync.clock.set('2027-02-26T10:00:00.000Z');
        for (const edit of state.edits) applyEdit(sync, ids, edit);
        const erpIdsBefore = sync.erp.ids();
        sync.clock.set('2027-02-27T10:00:00.000Z');

        const run = await sync.run(options);
        const again = await sync.run(options);

        expect(run.failures).toEqual([]);
        expect(again.applied).toEqual({ outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpCreated: 0, erpUpdated: 0 });
        expect(again.outcome).toBe('succeeded');
        expect(sync.erp.ids()).toEqual(erpIdsBefore);
        for (const erpId of ids) expect(sync.calendar.tagged(`acme:${erpId}`).length).toBeLessThanOrEqual(1);
        for (const event of sync.calendar.events.values()) expect(event.attendees).toEqual([]);
        if (state.direction === 'erp-to-outlook') expect(sync.erp.writes).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
