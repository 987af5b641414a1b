import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErpAction } from '../../../src/domain/erp-records';
import { createGraphEventCalendar } from '../../../src/graph/events/create-graph-event-calendar';
import { eventProjection } from '../../../src/graph/events/event-projection';
import { windowsTimeZoneOf } from '../../../src/graph/time-zones';
import type { EventJson } from '../../dev/m365/graph/support/graph-json';
import { buildErpAction } from '../../builders/build-erp-action';
import { type CalendarTest, startCalendarTest } from '../../src/graph/support/start-calendar-test';

/** A timed action, and an all-day one (its start and end the midnights the ERP keeps, as instants). */
const timed = (id: string, timeZone: string, start: string, end: string, extra: Partial<ErpAction> = {}) => buildErpAction({ id, timeZone, start, end, ...extra });
const allDay = (id: string, timeZone: string, start: string | undefined, end: string | undefined, extra: Partial<ErpAction> = {}) =>
  buildErpAction({ id, timeZone, start, end, allDay: true, type: 'meeting', ...extra });

/**
 * Edge cases of ERP actions as events: DST gaps and repeated hours in Madrid, Montreal, Sydney and
 * Santiago (whose clocks skip or repeat midnight), all-day items on those days and across zones,
 * midnight ends, zero-length and multi-day items, privacy, accents and markup.
 */
const corpus: ErpAction[] = [
  timed('madrid-gap-across', 'Europe/Madrid', '2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z'),
  timed('madrid-gap-after', 'Europe/Madrid', '2027-03-28T01:00:00Z', '2027-03-28T02:00:00Z'),
  timed('madrid-repeat-first', 'Europe/Madrid', '2027-10-31T00:30:00Z', '2027-10-31T00:45:00Z'),
  timed('madrid-repeat-second', 'Europe/Madrid', '2027-10-31T01:30:00Z', '2027-10-31T01:45:00Z'),
  timed('madrid-repeat-across', 'Europe/Madrid', '2027-10-31T00:15:00Z', '2027-10-31T01:45:00Z'),
  timed('montreal-gap-across', 'America/Montreal', '2027-03-14T06:30:00Z', '2027-03-14T07:30:00Z'),
  timed('montreal-repeat-second', 'America/Montreal', '2027-11-07T06:30:00Z', '2027-11-07T07:00:00Z'),
  timed('montreal-repeat-first', 'America/Toronto', '2027-11-07T05:30:00Z', '2027-11-07T06:00:00Z'),
  timed('sydney-gap-across', 'Australia/Sydney', '2027-10-02T15:30:00Z', '2027-10-02T16:30:00Z'),
  timed('sydney-repeat-second', 'Australia/Sydney', '2027-04-03T16:30:00Z', '2027-04-03T17:00:00Z'),
  timed('santiago-midnight-gap', 'America/Santiago', '2027-09-05T04:00:00Z', '2027-09-05T05:00:00Z'),
  timed('santiago-repeat-second', 'America/Santiago', '2027-04-04T03:30:00Z', '2027-04-04T04:00:00Z'),
  timed('zero-length', 'Europe/Madrid', '2027-03-02T08:00:00Z', '2027-03-02T08:00:00Z', { type: 'call' }),
  timed('midnight-end', 'Europe/Madrid', '2027-03-02T21:00:00Z', '2027-03-02T23:00:00Z'),
  timed('multi-day-timed', 'America/Montreal', '2027-05-10T13:00:00Z', '2027-05-13T21:00:00Z'),
  timed('private-visit', 'Europe/Madrid', '2027-03-03T08:00:00Z', '2027-03-03T09:00:00Z', { private: true }),
  timed('accents', 'Europe/Madrid', '2027-03-04T08:00:00Z', '2027-03-04T09:00:00Z', { subject: 'Reunión con Éloïse Müller – Ñandú & Cía', notes: 'Señalar: «cañón», ½ pedido, naïve café 🚚' }),
  timed('markup', 'Europe/Madrid', '2027-03-05T08:00:00Z', '2027-03-05T09:00:00Z', { subject: '<b>Visita</b> & "precios"', notes: '<script>alert(1)</script>\n<a href="https://evil.example">pulsa</a> &amp; <i>fin</i>' }),
  timed('multi-line-notes', 'Europe/Madrid', '2027-03-06T08:00:00Z', '2027-03-06T09:00:00Z', { notes: 'Primera línea\r\nSegunda línea\r\n\r\n  sangrada' }),
  timed('utc-call', 'UTC', '2027-03-07T23:30:00Z', '2027-03-08T00:15:00Z', { type: 'call' }),
  timed('note-free', 'Asia/Tokyo', '2027-03-08T01:00:00Z', '2027-03-08T01:30:00Z', { type: 'note' }),
  allDay('madrid-all-day', 'Europe/Madrid', '2027-03-01T23:00:00Z', '2027-03-02T23:00:00Z'),
  allDay('madrid-all-day-gap-day', 'Europe/Madrid', '2027-03-27T23:00:00Z', '2027-03-28T22:00:00Z'),
  allDay('montreal-all-day-across-dst', 'America/Montreal', '2027-03-13T05:00:00Z', '2027-03-16T04:00:00Z'),
  allDay('sydney-all-day-gap-day', 'Australia/Sydney', '2027-10-02T14:00:00Z', '2027-10-03T13:00:00Z'),
  allDay('santiago-all-day-no-midnight', 'America/Santiago', '2027-09-05T04:00:00Z', '2027-09-06T03:00:00Z'),
  allDay('santiago-all-day-repeat-day', 'America/Santiago', '2027-04-03T03:00:00Z', '2027-04-05T04:00:00Z'),
  allDay('due-date-only', 'Asia/Tokyo', undefined, undefined, { dueDate: '2027-06-01' }),
  allDay('year-end', 'Pacific/Auckland', '2027-12-30T11:00:00Z', '2028-01-01T11:00:00Z'),
  allDay('private-all-day', 'America/Santiago', '2027-06-10T04:00:00Z', '2027-06-11T04:00:00Z', { private: true, notes: '<b>confidencial</b>' }),
];

let test: CalendarTest;
beforeAll(async () => {
  test = await startCalendarTest();
});
afterAll(() => test.close());

describe('ERP actions round-trip through the Graph event calendar', () => {
  it('writes every edge-case action and reads back every field intact', async () => {
    const calendar = createGraphEventCalendar(test.client, test.mailbox);
    const answers = await calendar.write(corpus.map((action) => ({ kind: 'create' as const, fields: eventProjection.fieldsOf(action), tag: `acme:${action.id}`, transactionId: `acme:${action.id}:1` })));
    const ids = answers.map((answer) => (answer.ok ? (answer.id ?? '') : ''));
    const { found, gone } = await calendar.read(ids);
    const byId = new Map(found.map((event) => [event.id, event]));
    let fieldsChecked = 0;
    const check = (actual: unknown, expected: unknown, what: string) => {
      expect(actual, what).toEqual(expected);
      fieldsChecked += 1;
    };

    for (const [index, action] of corpus.entries()) {
      const event = byId.get(ids[index] ?? '');
      if (!event) throw new Error(`${action.id} was not written`);
      const written = eventProjection.fieldsOf(action);
      const { fields } = event;
      for (const name of ['subject', 'notes', 'start', 'end', 'allDay', 'private', 'showAs'] as const) check(fields[name], written[name], `${action.id}: ${name}`);
      check(event.tag, `acme:${action.id}`, `${action.id}: tag`);
      check(event.categories, ['ERP'], `${action.id}: categories`);
      check(event.sensitivity, action.private ? 'private' : 'normal', `${action.id}: sensitivity`);
      // Back in the ERP's terms: the same instants (all-day: midnights of the same dates in the action's zone).
      const erpTimes = eventProjection.erpTimesOf(fields, action.timeZone);
      const expected = eventProjection.erpTimesOf(written, action.timeZone);
      check(erpTimes, expected, `${action.id}: ERP times`);
      if (!action.allDay) check([erpTimes.start, erpTimes.end], [new Date(action.start ?? '').toISOString(), new Date(action.end ?? '').toISOString()], `${action.id}: ERP instants`);
      // Shown in another zone than the ERP's (the mailbox's), an all-day event stays on its dates; no event has attendees.
      const shown = await test.graph.call<EventJson>(`/users/${test.mailbox}/events/${event.id}`, { token: test.graph.appSyncToken, headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' } });
      if (action.allDay) check([shown.body.start?.dateTime?.slice(0, 10), shown.body.end?.dateTime?.slice(0, 10)], [written.start, written.end], `${action.id}: dates in another zone`);
      check(shown.body.attendees, [], `${action.id}: attendees`);
      check([windowsTimeZoneOf(action.timeZone), 'UTC'].includes(shown.body.originalStartTimeZone ?? ''), true, `${action.id}: zone`);
    }

    expect(gone).toEqual([]);
    expect(corpus.length).toBeGreaterThanOrEqual(28);
    console.log(`CORPUS_EVENTS ${JSON.stringify({ actions: corpus.length, fieldsChecked })}`);
  });
});
