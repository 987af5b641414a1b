import { Temporal } from 'temporal-polyfill';
import type { ErpAction } from '../../domain/erp-records';
import type { EventProjection } from '../../sync/events/event-projection';
import type { EventShowAs, SyncedEvent } from '../../sync/events/synced-event';
import { allDayDateOf, startOfDayInstant } from '../time-zones';

/** Actions that take the salesperson's time block it in free/busy; reminders of other kinds do not. */
const busyTypes: ReadonlySet<ErpAction['type']> = new Set(['visit', 'meeting', 'call']);

const nextDay = (date: string) => Temporal.PlainDate.from(date).add({ days: 1 }).toString();
const instant = (value: string) => new Date(Date.parse(value)).toISOString();

/** Plain text as Outlook keeps it: `\n` line ends, no trailing blank lines or spaces. */
export function normalizeNotes(text: string | undefined): string {
  return (text ?? '').replace(/\r\n?/g, '\n').trimEnd();
}

/** An all-day action's dates in its zone: from its start (or due date), ending the day after its last day at the earliest. */
function allDayDates(action: ErpAction): { start: string; end: string } {
  const start = action.start === undefined ? action.dueDate : allDayDateOf(Date.parse(action.start), action.timeZone);
  if (start === undefined) throw new Error(`all-day action ${action.id} has neither a start nor a due date`);
  const end = action.end === undefined ? nextDay(start) : allDayDateOf(Date.parse(action.end), action.timeZone);
  return { start, end: end > start ? end : nextDay(start) };
}

/**
 * The events' wall-clock projection over temporal-polyfill (`src/graph/time-zones.ts`): timed
 * actions keep their instants; all-day ones become their dates in the action's zone, and dates
 * read back from Outlook become that zone's midnights.
 *
 * @example eventProjection.fieldsOf(visit).start // '2026-03-30T07:00:00.000Z'
 */
export const eventProjection: EventProjection = {
  fieldsOf(action) {
    const times = action.allDay ? allDayDates(action) : { start: instant(action.start ?? ''), end: instant(action.end ?? '') };
    const showAs: EventShowAs = busyTypes.has(action.type) ? 'busy' : 'free';
    const fields: SyncedEvent = { subject: action.subject, notes: normalizeNotes(action.notes), ...times, allDay: action.allDay, timeZone: action.timeZone, private: action.private, showAs };
    return fields;
  },
  erpTimesOf(fields, timeZone) {
    if (!fields.allDay) return { start: fields.start, end: fields.end, allDay: false };
    const at = (date: string) => new Date(startOfDayInstant(date, timeZone)).toISOString();
    return { start: at(fields.start), end: at(fields.end), allDay: true };
  },
};
