import type { Event } from '@microsoft/microsoft-graph-types';
import type { SyncedEvent } from '../../sync/events/synced-event';
import { toGraphAllDayDate, toGraphDateTimeTimeZone } from '../time-zones';

const timeColumns: ReadonlySet<keyof SyncedEvent> = new Set(['start', 'end', 'allDay', 'timeZone']);

function timesOf(fields: SyncedEvent): Pick<Event, 'start' | 'end' | 'isAllDay'> {
  if (fields.allDay) return { start: toGraphAllDayDate(fields.start, fields.timeZone), end: toGraphAllDayDate(fields.end, fields.timeZone), isAllDay: true };
  return { start: toGraphDateTimeTimeZone(fields.start, fields.timeZone), end: toGraphDateTimeTimeZone(fields.end, fields.timeZone), isAllDay: false };
}

/**
 * The Graph properties of the `changed` fields (all of them for a create). The notes go as text,
 * so markup in ERP text is shown as written, never rendered; times go with the ERP's zone. No
 * attendees: a PATCH of them would replace the list the user keeps (a create adds its invited contact).
 */
export function toGraphEvent(fields: SyncedEvent, changed?: readonly (keyof SyncedEvent)[]): Event {
  const writes = (column: keyof SyncedEvent) => changed === undefined || changed.includes(column);
  return {
    ...(writes('subject') ? { subject: fields.subject } : {}),
    ...(writes('notes') ? { body: { contentType: 'text', content: fields.notes } } : {}),
    ...((changed ?? [...timeColumns]).some((column) => timeColumns.has(column)) ? timesOf(fields) : {}),
    ...(writes('private') ? { sensitivity: fields.private ? 'private' : 'normal' } : {}),
    ...(writes('showAs') ? { showAs: fields.showAs } : {}),
  };
}
