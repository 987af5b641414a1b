import { Temporal } from 'temporal-polyfill';
import { instantParameter, readInstant } from './sql-column-values';
import type { SqlErpDialect } from './sql-erp-context';

/** `2026-01-15 14:30:00.123456`: a timestamp without offset, as `timestamp` columns and text columns hold one. */
const NAIVE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * An instant from a modification column. A naive value is the wall clock of `timeZone` (in the hour
 * a DST change repeats, the earlier one); without a zone, or when the value has an offset, as `readInstant`.
 */
export function readSqlTimestamp(value: unknown, timeZone: string | undefined): string | undefined {
  if (timeZone === undefined || typeof value !== 'string' || !NAIVE.test(value.trim())) return readInstant(value);
  const wallClock = Temporal.PlainDateTime.from(value.trim().replace(' ', 'T'));
  const instant = wallClock.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant();
  return new Date(instant.epochMilliseconds).toISOString();
}

/** What a modification column is written: the wall clock of `timeZone` without offset, or the instant as `instantParameter`. */
export function sqlTimestampParameter(dialect: SqlErpDialect, instant: Date, timeZone: string | undefined): string {
  if (timeZone === undefined) return instantParameter(dialect, instant);
  const wallClock = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDateTime();
  return wallClock.toString({ fractionalSecondDigits: 3 }).replace('T', ' ');
}
