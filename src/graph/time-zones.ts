import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { Temporal } from 'temporal-polyfill';
import { findWindows, WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { isKnownTimeZone } from '../domain/erp-records';
import { SyncError } from '../sync/sync-error';

/** CLDR's "golden" zone of each Windows zone (territory 001), keyed by the lower-cased Windows name. */
const goldenZoneByWindowsName = new Map(
  WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === '001').map((entry) => [entry.windowsName.toLowerCase(), entry.iana[0]]),
);

const windowsNameByLowerCase = new Map(WINDOWS_TO_IANA_MAP.map((entry) => [entry.windowsName.toLowerCase(), entry.windowsName]));

/** The name ICU gives a zone (`Europe/Kyiv` → `Europe/Kiev`), which CLDR's Windows table may know when the other is missing. */
function canonicalZone(ianaZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: ianaZone }).resolvedOptions().timeZone;
}

/**
 * The Windows name of an IANA zone (CLDR's table through windows-iana), or `undefined` for the few
 * zones Windows has no name for (`America/Ciudad_Juarez`, `Antarctica/Troll`).
 *
 * @example windowsTimeZoneOf('Europe/Madrid') // 'Romance Standard Time'
 */
export function windowsTimeZoneOf(ianaZone: string): string | undefined {
  if (!isKnownTimeZone(ianaZone)) throw new SyncError('invalid_input', `'${ianaZone}' is not an IANA time zone.`);
  return findWindows(ianaZone)[0] ?? findWindows(canonicalZone(ianaZone))[0];
}

/**
 * The IANA zone of a Graph `timeZone`, which is a Windows name (`Romance Standard Time`), `UTC`, or an
 * IANA name. A Windows zone covers many IANA zones: `preferred` (the zone the ERP record already has)
 * is kept when it is one of them, so a round trip does not turn Madrid into Paris.
 *
 * @example ianaTimeZoneOf('Romance Standard Time', { preferred: 'Europe/Madrid' }) // 'Europe/Madrid'
 */
export function ianaTimeZoneOf(graphTimeZone: string, options: { preferred?: string } = {}): string {
  const name = graphTimeZone.trim();
  const windowsName = windowsNameByLowerCase.get(name.toLowerCase());
  if (windowsName !== undefined) {
    const { preferred } = options;
    if (preferred !== undefined && isKnownTimeZone(preferred) && windowsTimeZoneOf(preferred) === windowsName) return preferred;
    if (windowsName === 'UTC') return 'UTC';
    const golden = goldenZoneByWindowsName.get(name.toLowerCase());
    if (golden !== undefined) return golden;
  }
  if (isKnownTimeZone(name)) return name;
  throw new SyncError('invalid_input', `Graph time zone '${graphTimeZone}' is neither a Windows nor an IANA time zone.`);
}

/** What a clock in `ianaZone` shows at an instant. */
function zonedAt(instantMs: number, ianaZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(ianaZone);
}

/** The zone's offset from UTC at an instant, in milliseconds (`+3_600_000` for CET). */
export function utcOffsetMs(instantMs: number, ianaZone: string): number {
  return zonedAt(instantMs, ianaZone).offsetNanoseconds / 1_000_000;
}

const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?$/;

/** Graph's `dateTime` (`2025-03-30T09:00:00.0000000`), to the millisecond the product keeps. */
function parseLocalDateTime(local: string): Temporal.PlainDateTime {
  const text = local.trim();
  const message = `'${local}' is not a local date and time such as 2025-03-30T09:00:00.0000000.`;
  if (!localDateTimePattern.test(text)) throw new SyncError('invalid_input', message);
  try {
    return Temporal.PlainDateTime.from(text).round({ smallestUnit: 'millisecond', roundingMode: 'trunc' });
  } catch (error) {
    // Temporal refuses dates that do not exist (`2025-02-30`).
    throw new SyncError('invalid_input', message, { cause: error });
  }
}

/** Graph writes seven fractional digits: `2025-03-30T03:30:00.0000000`. */
function formatLocalDateTime(local: Temporal.PlainDateTime): string {
  return `${local.toString({ fractionalSecondDigits: 3 })}0000`;
}

/**
 * The instant a local time in `ianaZone` names, with Temporal's `compatible` disambiguation, as
 * Outlook and Exchange resolve them: a time that occurs twice when clocks go back is the earlier
 * one; a time skipped when clocks go forward is moved forward by the gap (02:30 on the
 * spring-forward night in Madrid is 03:30 CEST).
 */
export function localDateTimeToInstant(local: string, ianaZone: string): number {
  return parseLocalDateTime(local).toZonedDateTime(ianaZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** The local date and time a clock in `ianaZone` shows at an instant, in Graph's format (`2025-03-30T03:30:00.0000000`). */
export function instantToLocalDateTime(instantMs: number, ianaZone: string): string {
  return formatLocalDateTime(zonedAt(instantMs, ianaZone).toPlainDateTime());
}

/**
 * The calendar date an all-day item starting at `instantMs` is on, read in the item's own zone,
 * so it stays on that date whatever zone shows it.
 *
 * @example allDayDateOf(Date.parse('2026-03-28T23:00:00Z'), 'Europe/Madrid') // '2026-03-29'
 */
export function allDayDateOf(instantMs: number, ianaZone: string): string {
  return zonedAt(instantMs, ianaZone).toPlainDate().toString();
}

/**
 * The instant an all-day item on `date` starts in `ianaZone`: midnight, or the first minute of the
 * day where a DST change skips midnight (Santiago, formerly São Paulo).
 *
 * @example startOfDayInstant('2026-09-06', 'America/Santiago') // Date.parse('2026-09-06T04:00:00Z'), 01:00 local
 */
export function startOfDayInstant(date: string, ianaZone: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new SyncError('invalid_input', `'${date}' is not a date such as 2025-03-30.`);
  try {
    return Temporal.PlainDate.from(date).toZonedDateTime(ianaZone).epochMilliseconds;
  } catch (error) {
    throw new SyncError('invalid_input', `'${date}' is not a date such as 2025-03-30.`, { cause: error });
  }
}

/**
 * The Windows name to write for `ianaZone` around an instant, if it tells the same time then.
 * windows-iana's CLDR table predates some rule changes (Mexico 2022, Kazakhstan 2024): such a
 * name is not used, and the caller writes UTC instead.
 */
function faithfulWindowsName(ianaZone: string, instantMs: number): string | undefined {
  const windowsName = windowsTimeZoneOf(ianaZone);
  if (windowsName === undefined) return undefined;
  return utcOffsetMs(instantMs, ianaTimeZoneOf(windowsName)) === utcOffsetMs(instantMs, ianaZone) ? windowsName : undefined;
}

/**
 * A Graph `dateTimeTimeZone` for an instant shown in `ianaZone`: with the zone's Windows name, which
 * every Graph method accepts, or in UTC when Windows has no name that tells the same time, or when
 * the local time is the second of a repeated hour (which the local time alone cannot name).
 *
 * @example toGraphDateTimeTimeZone('2025-07-01T07:00:00Z', 'Europe/Madrid') // { dateTime: '2025-07-01T09:00:00.0000000', timeZone: 'Romance Standard Time' }
 */
export function toGraphDateTimeTimeZone(instant: string | number, ianaZone: string): DateTimeTimeZone {
  const instantMs = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(instantMs)) throw new SyncError('invalid_input', `'${String(instant)}' is not an instant.`);
  const windowsName = faithfulWindowsName(ianaZone, instantMs);
  const local = instantToLocalDateTime(instantMs, ianaZone);
  // The second 02:30 of a night the clocks go back reads, as a local time, as the first one (Exchange takes the earlier): only UTC names it.
  if (windowsName === undefined || localDateTimeToInstant(local, ianaZone) !== instantMs) return { dateTime: instantToLocalDateTime(instantMs, 'UTC'), timeZone: 'UTC' };
  return { dateTime: local, timeZone: windowsName };
}

/**
 * The UTC instant (ISO 8601, `Z`) of a Graph `dateTimeTimeZone`, whatever zone name Graph used.
 *
 * @example fromGraphDateTimeTimeZone({ dateTime: '2025-07-01T09:00:00.0000000', timeZone: 'Romance Standard Time' }) // '2025-07-01T07:00:00.000Z'
 */
export function fromGraphDateTimeTimeZone(value: DateTimeTimeZone): string {
  if (!value.dateTime || !value.timeZone) throw new SyncError('invalid_input', 'A Graph dateTimeTimeZone needs both dateTime and timeZone.');
  return new Date(localDateTimeToInstant(value.dateTime, ianaTimeZoneOf(value.timeZone))).toISOString();
}

/** An all-day item starts at midnight of its date in its own zone: no instant, so no conversion (UTC when Windows has no faithful name). */
export function toGraphAllDayDate(date: string, ianaZone: string): DateTimeTimeZone {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new SyncError('invalid_input', `'${date}' is not a date such as 2025-03-30.`);
  return { dateTime: `${date}T00:00:00.0000000`, timeZone: faithfulWindowsName(ianaZone, Date.parse(`${date}T12:00:00Z`)) ?? 'UTC' };
}
