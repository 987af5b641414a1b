import { describe, expect, it } from 'vitest';
import type { ErpAction } from '../../../../src/domain/erp-records';
import { eventProjection } from '../../../../src/graph/events/event-projection';
import type { EventConflict } from '../../../../src/sync/events/event-conflict';
import type { EventLink } from '../../../../src/sync/events/event-link';
import type { EventRecordPlan } from '../../../../src/sync/events/event-plan';
import type { OutlookEvent } from '../../../../src/sync/events/outlook-event';
import { type EventPlanInput, planEventChanges } from '../../../../src/sync/events/plan-event-changes';
import { buildErpAction } from '../../../builders/build-erp-action';
import { sequentialIds } from '../../../builders/sequential-ids';

const now = '2027-02-25T10:00:00.000Z';
const window = { start: '2026-11-27T00:00:00.000Z', end: '2029-02-24T00:00:00.000Z' };
const visit = buildErpAction();

function linkOf(action: ErpAction, overrides: Partial<EventLink> = {}): EventLink {
  return { erpId: action.id, outlookId: `E-${action.id}`, state: 'active', snapshot: { fields: eventProjection.fieldsOf(action), changeKey: 'K1', erpVersion: action.version }, missedListings: 0, updatedAt: '2027-02-21T00:00:00.000Z', ...overrides };
}

function eventOf(link: EventLink, overrides: Partial<OutlookEvent> = {}): OutlookEvent {
  return { id: link.outlookId, changeKey: 'K2', categories: ['ERP'], sensitivity: 'normal', fields: link.snapshot.fields, createdAt: '2027-02-21T00:00:00Z', lastModifiedAt: '2027-02-24T00:00:00Z', ...overrides };
}

function plan(overrides: Partial<EventPlanInput>): EventRecordPlan[] {
  return planEventChanges({
    environment: 'acme', direction: 'two-way', policy: 'erp-wins', outlookDelete: 'suppress', eventsFromOutlook: false, now, window,
    actions: [], tombstones: new Set(), links: [], conflicts: [], events: new Map(), goneIds: new Set(),
    projection: eventProjection, newId: sequentialIds('conflict-'), ...overrides,
  }).records;
}

const eventsById = (...events: OutlookEvent[]) => new Map(events.map((event) => [event.id, event]));

describe('planEventChanges', () => {
  it('creates an event for a timed action, tagged, with a transactionId that a retry repeats, and no attendees', () => {
    const [record] = plan({ actions: [visit] });

    expect(record?.outlookWrite).toEqual({
      kind: 'create', tag: 'acme:A-1', transactionId: 'acme:A-1:1',
      fields: { subject: 'Visita a Ferretería Núñez', notes: 'Llevar la tarifa <b>2027</b> & el catálogo', start: '2027-03-02T08:00:00.000Z', end: '2027-03-02T09:30:00.000Z', allDay: false, timeZone: 'Europe/Madrid', private: false, showAs: 'busy' },
    });
    expect(plan({ actions: [visit] })).toEqual([record]);
  });

  it('creates nothing for tasks, cancelled actions, and actions outside the window', () => {
    const task = buildErpAction({ id: 'A-2', start: undefined, end: undefined, dueDate: '2027-03-04' });
    const cancelled = buildErpAction({ id: 'A-3', status: 'cancelled' });
    const longAgo = buildErpAction({ id: 'A-4', start: '2026-01-02T08:00:00Z', end: '2026-01-02T09:00:00Z' });

    expect(plan({ actions: [task, cancelled, longAgo] })).toEqual([]);
  });

  it('puts an all-day action on its dates in its own zone', () => {
    const fair = buildErpAction({ allDay: true, start: '2027-03-01T23:00:00.000Z', end: '2027-03-03T23:00:00.000Z', type: 'meeting' });

    const [record] = plan({ actions: [fair] });

    expect(record?.outlookWrite).toMatchObject({ kind: 'create', fields: { start: '2027-03-02', end: '2027-03-04', allDay: true } });
  });

  it('writes an event moved in Outlook back to the ERP action with its version, and nothing to Outlook', () => {
    const link = linkOf(visit);
    const moved = eventOf(link, { fields: { ...link.snapshot.fields, start: '2027-03-02T10:00:00.000Z', end: '2027-03-02T11:30:00.000Z' } });

    const [record] = plan({ actions: [visit], links: [link], events: eventsById(moved) });

    expect(record?.erpWrite).toEqual({ changes: { start: '2027-03-02T10:00:00.000Z', end: '2027-03-02T11:30:00.000Z', allDay: false }, version: 1 });
    expect(record?.outlookWrite).toBeUndefined();
    expect(record?.link).toMatchObject({ kind: 'save', link: { snapshot: { changeKey: 'K2', fields: { start: '2027-03-02T10:00:00.000Z' } } } });
  });

  it('puts the ERP values back over Outlook edits when the direction is ERP to Outlook', () => {
    const link = linkOf(visit);
    const edited = eventOf(link, { fields: { ...link.snapshot.fields, subject: 'Renamed in Outlook' } });

    const [record] = plan({ direction: 'erp-to-outlook', actions: [visit], links: [link], events: eventsById(edited) });

    expect(record?.erpWrite).toBeUndefined();
    expect(record?.outlookWrite).toMatchObject({ kind: 'update', changeKey: 'K2', changed: ['subject'], fields: { subject: 'Visita a Ferretería Núñez' } });
  });

  it('never reads a private event into the ERP', () => {
    const link = linkOf(visit);
    const secret = eventOf(link, { sensitivity: 'private', fields: { ...link.snapshot.fields, notes: 'private notes' } });

    const [record] = plan({ actions: [visit], links: [link], events: eventsById(secret) });

    expect(record?.erpWrite).toBeUndefined();
    expect(record?.outlookWrite).toBeUndefined();
  });

  it('records a same-field conflict and lets the policy settle it', () => {
    const link = linkOf(visit);
    const erp = { ...visit, subject: 'ERP subject', version: 2, updatedAt: '2027-02-23T00:00:00.000Z' };
    const outlook = eventOf(link, { fields: { ...link.snapshot.fields, subject: 'Outlook subject' } });

    const [erpWins] = plan({ actions: [erp], links: [link], events: eventsById(outlook) });
    const [newest] = plan({ policy: 'newest', actions: [erp], links: [link], events: eventsById(outlook) });
    const [manual] = plan({ policy: 'manual', actions: [erp], links: [link], events: eventsById(outlook) });

    expect(erpWins?.conflicts).toEqual([expect.objectContaining({ field: 'subject', erpValue: 'ERP subject', outlookValue: 'Outlook subject', status: 'resolved', resolution: 'erp' })]);
    expect(erpWins?.outlookWrite).toMatchObject({ changed: ['subject'], fields: { subject: 'ERP subject' } });
    expect(newest?.erpWrite).toEqual({ changes: { subject: 'Outlook subject' }, version: 2 });
    expect(manual?.conflicts).toEqual([expect.objectContaining({ status: 'open' })]);
    expect(manual?.outlookWrite).toBeUndefined();
    expect(manual?.erpWrite).toBeUndefined();
  });

  it('applies the resolution the user chose for an open conflict', () => {
    const link = linkOf(visit);
    const erp = { ...visit, subject: 'ERP subject', version: 2 };
    const outlook = eventOf(link, { fields: { ...link.snapshot.fields, subject: 'Outlook subject' } });
    const resolved: EventConflict = { id: 'c1', erpId: visit.id, field: 'subject', erpValue: 'ERP subject', outlookValue: 'Outlook subject', status: 'resolved', resolution: 'outlook', createdAt: now, resolvedAt: '2027-02-24T00:00:00.000Z' };

    const [record] = plan({ policy: 'manual', actions: [erp], links: [link], events: eventsById(outlook), conflicts: [resolved] });

    expect(record?.erpWrite).toEqual({ changes: { subject: 'Outlook subject' }, version: 2 });
    expect(record?.conflicts).toEqual([]);
  });

  it('suppresses an action whose event the user deleted, and cancels it when the environment says so', () => {
    const link = linkOf(visit);

    const [suppressed] = plan({ actions: [visit], links: [link], goneIds: new Set([link.outlookId]) });
    const [cancelled] = plan({ outlookDelete: 'cancel', actions: [visit], links: [link], goneIds: new Set([link.outlookId]) });

    expect(suppressed).toMatchObject({ link: { kind: 'save', link: { state: 'suppressed' } } });
    expect(suppressed?.erpWrite).toBeUndefined();
    expect(cancelled?.erpWrite).toEqual({ changes: { status: 'cancelled' }, version: 1 });
  });

  it('does not recreate a suppressed event until the action changes', () => {
    const link = linkOf(visit, { state: 'suppressed' });

    expect(plan({ actions: [visit], links: [link] })).toEqual([]);
    expect(plan({ actions: [{ ...visit, version: 2, subject: 'Moved to Friday' }], links: [link] })[0]?.outlookWrite).toMatchObject({ kind: 'create' });
  });

  it('removes the event of an action that became a task, was cancelled, or whose tombstone came', () => {
    const link = linkOf(visit);
    const removal = { outlookWrite: { kind: 'remove', outlookId: link.outlookId }, link: { kind: 'remove' } };

    expect(plan({ actions: [{ ...visit, start: undefined, end: undefined, dueDate: '2027-03-02' }], links: [link] })[0]).toMatchObject(removal);
    expect(plan({ actions: [{ ...visit, status: 'cancelled' }], links: [link] })[0]).toMatchObject(removal);
    expect(plan({ tombstones: new Set([visit.id]), links: [link] })[0]).toMatchObject(removal);
  });

  it('removes the event of an action missing from the listing only at the second miss in a row', () => {
    const link = linkOf(visit);

    const [first] = plan({ links: [link] });
    const [second] = plan({ links: [{ ...link, missedListings: 1 }] });

    expect(first).toMatchObject({ link: { kind: 'save', link: { missedListings: 1 } } });
    expect(first?.outlookWrite).toBeUndefined();
    expect(second).toMatchObject({ outlookWrite: { kind: 'remove' }, link: { kind: 'remove' } });
  });

  it('adopts our event left by a create whose answer was lost, and removes untouched copies of it', () => {
    const created = { id: 'E-first', changeKey: 'K5', tag: 'acme:A-1', categories: ['ERP'], sensitivity: 'normal' as const, fields: eventProjection.fieldsOf(visit), createdAt: '2027-02-24T00:00:00Z', lastModifiedAt: '2027-02-24T00:00:00Z' };
    const copy = { ...created, id: 'E-copy', createdAt: '2027-02-24T00:00:05Z', lastModifiedAt: '2027-02-24T00:00:05Z' };
    const foreign = { ...created, id: 'E-other', tag: 'other-env:A-1' };

    const [record] = plan({ actions: [visit], events: eventsById(created, copy, foreign) });

    expect(record?.outlookWrite).toBeUndefined();
    expect(record?.removeDuplicates).toEqual(['E-copy']);
    expect(record?.link).toMatchObject({ kind: 'save', link: { outlookId: 'E-first', snapshot: { changeKey: 'K5' } } });
  });

  it('plans nothing for an action in step with its event', () => {
    const link = linkOf(visit);

    expect(plan({ actions: [visit], links: [link] })).toEqual([]);
    expect(plan({ actions: [visit], links: [link], events: eventsById(eventOf(link, { changeKey: 'K1' })) })).toEqual([]);
  });
});
