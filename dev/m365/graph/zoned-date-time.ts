import { Temporal } from 'temporal-polyfill';

/** A wall-clock date and time without a zone, as in Graph's `dateTimeTimeZone.dateTime`. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const localPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?$/;

const localOf = (plain: Temporal.PlainDateTime): LocalDateTime => ({
  year: plain.year,
  month: plain.month,
  day: plain.day,
  hour: plain.hour,
  minute: plain.minute,
  second: plain.second,
  millisecond: plain.millisecond,
});

/** `2017-04-15T12:00`, `…T12:00:00` or `…T12:00:00.0000000`; undefined for anything else (offsets and impossible dates included). */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const trimmed = text.trim();
  if (!localPattern.test(trimmed)) return undefined;
  try {
    return localOf(Temporal.PlainDateTime.from(trimmed).round({ smallestUnit: 'millisecond', roundingMode: 'trunc' }));
  } catch {
    // Temporal refuses what no calendar has (`2017-02-30`, `25:00`): Graph answers 400, which the caller says.
    return undefined;
  }
}

/** The wall-clock time in `iana` at an instant. */
export function epochToLocalDateTime(epochMs: number, iana: string): LocalDateTime {
  return localOf(Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(iana).toPlainDateTime());
}

/**
 * The instant a wall-clock time in `iana` names. Around DST changes this resolves the way
 * Exchange and Temporal's "compatible" mode do: a repeated hour takes its first occurrence, a
 * skipped hour is moved forward by the length of the gap (02:30 on a spring-forward day → 03:30).
 */
export function localDateTimeToEpoch(local: LocalDateTime, iana: string): number {
  return Temporal.PlainDateTime.from(local, { overflow: 'reject' }).toZonedDateTime(iana, { disambiguation: 'compatible' }).epochMilliseconds;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** Graph writes `dateTimeTimeZone.dateTime` with seven fractional digits: `2017-04-15T11:00:00.0000000`. */
export function formatLocalDateTime(local: LocalDateTime): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}.${pad(local.millisecond, 3)}0000`;
}
