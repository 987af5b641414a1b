import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { fromGraphDateTimeTimeZone } from '../time-zones';

const twelveHoursMs = 12 * 60 * 60 * 1000;

/**
 * The date of a To Do `dueDateTime`. Midnight in the zone Graph names is that date (what the bridge
 * and most clients write). A due date set in the To Do app comes back as the instant of midnight
 * where it was set, in UTC (observed: a date set at UTC−10 reads `…T10:00:00` UTC, at UTC+14 the day
 * before at `…T10:00:00`): the date is the UTC date twelve hours later, exact for zones from UTC−12 to
 * UTC+11; a date set at UTC+12 or more reads one day early.
 *
 * @example readGraphDueDate({ dateTime: '2026-03-28T23:00:00.0000000', timeZone: 'UTC' }) // '2026-03-29' (set in Madrid)
 */
export function readGraphDueDate(value: DateTimeTimeZone): string {
  const local = value.dateTime ?? '';
  if (/^\d{4}-\d{2}-\d{2}T00:00(:00(\.0+)?)?$/.test(local)) return local.slice(0, 10);
  return new Date(Date.parse(fromGraphDateTimeTimeZone(value)) + twelveHoursMs).toISOString().slice(0, 10);
}
