import { GraphError, invalidRequestBody } from './graph-error';
import { type ResolvedTimeZone, resolveTimeZone } from './resolve-time-zone';
import { type LocalDateTime, localDateTimeToEpoch, parseLocalDateTime } from './zoned-date-time';

/** A `dateTimeTimeZone` as stored: the wall-clock time and zone the client gave, and the instant they name. */
export interface StoredDateTime {
  epochMs: number;
  local: LocalDateTime;
  timeZone: ResolvedTimeZone;
}

/** Exchange's answer to a zone it does not know (observed for an empty zone; assumed for unknown names). */
export const timeZoneNotSupported = (name: string) =>
  new GraphError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
  );

/**
 * Reads `{ dateTime, timeZone }`: `dateTime` is a wall-clock time without an offset, `timeZone`
 * a Windows or IANA name (required: Exchange refuses an empty one).
 */
export function parseDateTimeTimeZone(value: { dateTime: string; timeZone?: string | null }, property: string): StoredDateTime {
  const local = parseLocalDateTime(value.dateTime);
  if (!local) {
    throw invalidRequestBody(`The value '${value.dateTime}' of '${property}.dateTime' is not a date and time without an offset, such as 2017-04-15T12:00:00.`);
  }
  const timeZone = resolveTimeZone(value.timeZone);
  if (!timeZone) throw timeZoneNotSupported(value.timeZone ?? '');
  return { epochMs: localDateTimeToEpoch(local, timeZone.iana), local, timeZone };
}
