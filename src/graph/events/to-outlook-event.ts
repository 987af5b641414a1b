import type { Event } from '@microsoft/microsoft-graph-types';
import type { OutlookEvent } from '../../sync/events/outlook-event';
import { formatErpIdValue, readErpKey } from '../erp-id-property';
import { fromGraphDateTimeTimeZone, ianaTimeZoneOf } from '../time-zones';
import { normalizeNotes } from './event-projection';

const datePart = (value: Event['start']) => (value?.dateTime ?? '').slice(0, 10);

/** The zone Outlook created the event in, when it names one we know; UTC otherwise (a custom zone). */
function zoneOf(event: Event): string {
  try {
    return ianaTimeZoneOf(event.originalStartTimeZone ?? event.start?.timeZone ?? 'UTC');
  } catch {
    return 'UTC';
  }
}

/**
 * An event as the engine reads it. Times are instants whatever zone Graph wrote them in; an
 * all-day event's are its dates, which float. The body is read as text (`Prefer:
 * outlook.body-content-type="text"`); the tag only when the event was read with its property.
 */
export function toOutlookEvent(event: Event): OutlookEvent {
  const key = readErpKey(event);
  const allDay = event.isAllDay ?? false;
  const start = event.start ?? {};
  const end = event.end ?? {};
  return {
    id: event.id ?? '',
    changeKey: event.changeKey ?? '',
    ...(key ? { tag: formatErpIdValue(key) } : {}),
    ...(event.iCalUId ? { iCalUId: event.iCalUId } : {}),
    categories: event.categories ?? [],
    sensitivity: event.sensitivity ?? 'normal',
    fields: {
      subject: event.subject ?? '',
      notes: normalizeNotes(event.body?.content ?? ''),
      start: allDay ? datePart(start) : fromGraphDateTimeTimeZone(start),
      end: allDay ? datePart(end) : fromGraphDateTimeTimeZone(end),
      allDay,
      timeZone: zoneOf(event),
      private: event.sensitivity === 'private' || event.sensitivity === 'confidential',
      showAs: event.showAs === 'free' ? 'free' : 'busy',
    },
    createdAt: event.createdDateTime ?? '',
    lastModifiedAt: event.lastModifiedDateTime ?? '',
  };
}
