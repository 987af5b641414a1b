import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErpAction } from '../../../../src/domain/erp-records';
import { createGraphEventCalendar } from '../../../../src/graph/events/create-graph-event-calendar';
import { eventProjection } from '../../../../src/graph/events/event-projection';
import { eventWindowAt } from '../../../../src/sync/events/event-window';
import type { OutlookEventCalendar } from '../../../../src/sync/events/outlook-event-calendar';
import { buildErpAction } from '../../../builders/build-erp-action';
import type { Calendar, Collection, EventJson } from '../../../dev/m365/graph/support/graph-json';
import { type CalendarTest, startCalendarTest } from '../support/start-calendar-test';

let test: CalendarTest;
beforeEach(async () => {
  test = await startCalendarTest();
});
afterEach(() => test.close());

const window = eventWindowAt(new Date('2027-02-25T10:00:00Z'));

async function create(calendar: OutlookEventCalendar, action: ErpAction) {
  const [answer] = await calendar.write([{ kind: 'create', fields: eventProjection.fieldsOf(action), tag: `acme:${action.id}`, transactionId: `acme:${action.id}:${action.version}` }]);
  if (!answer?.ok || !answer.id) throw new Error('the event was not created');
  return { id: answer.id, changeKey: answer.changeKey ?? '' };
}

const asAna = <Body>(path: string) => test.graph.call<Body>(path, { token: test.graph.anaSyncToken });

describe('the Graph event calendar', () => {
  it('creates an event tagged and categorised ERP, with text notes, busy, and no attendees, and reads back every field', async () => {
    const calendar = createGraphEventCalendar(test.client, test.mailbox);
    const visit = buildErpAction();

    const { id } = await create(calendar, visit);
    const { found } = await calendar.read([id]);
    const stored = await asAna<EventJson>(`/me/events/${id}`);

    // Romance Standard Time names Madrid and Paris alike; the zone is the ERP's to say, never read back.
    expect(found[0]).toMatchObject({ id, tag: 'acme:A-1', categories: ['ERP'], sensitivity: 'normal', fields: { ...eventProjection.fieldsOf(visit), timeZone: 'Europe/Paris' } });
    expect(stored.body).toMatchObject({ transactionId: 'acme:A-1:1', showAs: 'busy', attendees: [], originalStartTimeZone: 'Romance Standard Time' });
    // The markup is text the HTML body escapes, never tags.
    expect(stored.body.body?.content).toContain('&lt;b&gt;2027&lt;/b&gt;');
  });

  it('makes one event of a create sent twice with the same transactionId', async () => {
    const calendar = createGraphEventCalendar(test.client, test.mailbox);
    const visit = buildErpAction();

    const first = await create(calendar, visit);
    const again = await create(calendar, visit);
    const listed = await asAna<Collection<EventJson>>('/me/events');

    expect(again.id).toBe(first.id);
    expect(listed.body.value).toHaveLength(1);
  });

  it('creates private actions private, and updates only the changed fields, refusing a stale change key', async () => {
    const calendar = createGraphEventCalendar(test.client, test.mailbox);
    const secret = buildErpAction({ private: true, type: 'note' });
    const { id, changeKey } = await create(calendar, secret);
    const fields = { ...eventProjection.fieldsOf(secret), subject: 'Renamed', start: '2027-03-02T09:00:00.000Z', end: '2027-03-02T10:00:00.000Z' };

    const [updated] = await calendar.write([{ kind: 'update', outlookId: id, changeKey, fields, changed: ['subject', 'start', 'end'] }]);
    const [stale] = await calendar.write([{ kind: 'update', outlookId: id, changeKey, fields, changed: ['subject'] }]);
    const { found } = await calendar.read([id]);

    expect(updated).toMatchObject({ ok: true, id });
    expect(stale).toMatchObject({ ok: false, error: { code: 'precondition_failed' } });
    expect(found[0]).toMatchObject({ sensitivity: 'private', fields: { ...fields, private: true, showAs: 'free', timeZone: 'Europe/Paris' } });
  });

  it('reads the primary calendar by calendarView/delta: a full round, one request when nothing changed, then edits and removals', async () => {
    const calendar = createGraphEventCalendar(test.client, test.mailbox);
    const kept = await create(calendar, buildErpAction());
    const removed = await create(calendar, buildErpAction({ id: 'A-2' }));

    const full = await calendar.readChanges(undefined, window);
    const before = test.requests();
    const quiet = await calendar.readChanges(full.cursor, window);
    const quietRequests = test.requests() - before;
    await calendar.write([{ kind: 'update', outlookId: kept.id, changeKey: kept.changeKey, fields: { ...eventProjection.fieldsOf(buildErpAction()), subject: 'Moved' }, changed: ['subject'] }, { kind: 'remove', outlookId: removed.id }]);
    const changed = await calendar.readChanges(quiet.cursor, window);

    expect(full).toMatchObject({ full: true, removedIds: [] });
    expect(full.events.map((event) => event.id).toSorted()).toEqual([kept.id, removed.id].toSorted());
    expect(quiet).toMatchObject({ full: false, events: [], removedIds: [] });
    expect(quietRequests).toBe(1);
    expect(changed.events.map((event) => [event.id, event.fields.subject])).toEqual([[kept.id, 'Moved']]);
    expect(changed.removedIds).toEqual([removed.id]);
  });

  it('answers an expired delta link with cursor_expired, and reports deleted ones as gone on lookup', async () => {
    const calendar = createGraphEventCalendar(test.client, test.mailbox);
    const event = await create(calendar, buildErpAction());
    const { cursor } = await calendar.readChanges(undefined, window);
    await calendar.write([{ kind: 'remove', outlookId: event.id }]);
    test.graph.emulator.admin.expireDeltaTokens();

    await expect(calendar.readChanges(cursor, window)).rejects.toMatchObject({ code: 'cursor_expired' });
    expect(await calendar.read([event.id])).toEqual({ gone: [event.id], found: [] });
  });

  it('lists a dedicated calendar in full every time, writing there and not in the primary one', async () => {
    const dedicated = await test.graph.call<Calendar>(`/users/${test.mailbox}/calendars`, { token: test.graph.appSyncToken, method: 'POST', body: { name: 'ERP' } });
    const calendar = createGraphEventCalendar(test.client, test.mailbox, dedicated.body.id ?? '');
    const { id } = await create(calendar, buildErpAction());

    const round = await calendar.readChanges(undefined, window);
    const primary = await asAna<Collection<EventJson>>('/me/calendar/events');

    expect(round).toMatchObject({ full: true, removedIds: [] });
    expect(round.cursor).toBeUndefined();
    expect(round.events.map((event) => event.id)).toEqual([id]);
    expect(primary.body.value).toEqual([]);
  });
});
