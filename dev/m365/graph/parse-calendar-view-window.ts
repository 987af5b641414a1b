import type { CalendarViewWindow } from './calendar-record';
import { GraphError } from './graph-error';
import { parseLocalDateTime } from './zoned-date-time';

const missingWindow = () =>
  new GraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');

/** The query parameter named `name`, whatever its case (Graph's own examples write `startdatetime`). */
function parameter(url: URL, name: string): string | undefined {
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * ISO 8601 with an offset (`2019-11-08T19:00:00-08:00`, `…Z`) is taken as written; without one
 * the value is UTC. `Prefer: outlook.timezone` does not change how the window is read [D].
 */
function parseInstant(name: string, text: string): number {
  const local = parseLocalDateTime(text);
  if (local) return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/i.test(text.trim()) ? Date.parse(text.trim().replace(/(\.\d{3})\d+/, '$1')) : NaN;
  if (Number.isNaN(withOffset)) throw new GraphError(400, 'ErrorInvalidParameter', `The value '${text}' of the parameter '${name}' is not a valid ISO 8601 date and time.`);
  return withOffset;
}

/** `startDateTime` and `endDateTime` of a calendar view: both required, as Graph requires them. */
export function parseCalendarViewWindow(url: URL): CalendarViewWindow {
  const startDateTime = parameter(url, 'startdatetime');
  const endDateTime = parameter(url, 'enddatetime');
  if (startDateTime === undefined || endDateTime === undefined || startDateTime.trim() === '' || endDateTime.trim() === '') throw missingWindow();
  const startMs = parseInstant('startDateTime', startDateTime);
  const endMs = parseInstant('endDateTime', endDateTime);
  if (endMs < startMs) throw new GraphError(400, 'ErrorInvalidParameter', 'The endDateTime of the time window is earlier than its startDateTime.');
  return { startMs, endMs, startDateTime, endDateTime };
}
