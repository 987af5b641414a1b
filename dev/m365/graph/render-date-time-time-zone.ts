import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import type { StoredDateTime } from './parse-date-time-time-zone';
import type { ResolvedTimeZone } from './resolve-time-zone';
import { epochToLocalDateTime, formatLocalDateTime } from './zoned-date-time';

/**
 * Writes a stored time in the zone the request asked for (`Prefer: outlook.timezone`, UTC by
 * default), named as the client named it. A floating time (all-day event) keeps its wall clock.
 */
export function renderDateTimeTimeZone(stored: StoredDateTime, zone: ResolvedTimeZone, floating = false): DateTimeTimeZone {
  const local = floating ? stored.local : epochToLocalDateTime(stored.epochMs, zone.iana);
  return { dateTime: formatLocalDateTime(local), timeZone: zone.name };
}
