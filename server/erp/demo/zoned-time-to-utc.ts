export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The instant at which a wall clock in `timeZone` shows `wall` (`09:00` in Europe/Madrid on a
 * summer day is 07:00Z). Uses the runtime's time-zone data through `Intl`; in a DST gap it
 * lands an hour later, as calendars do.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  const second = asUtc - offsetMinutes(first, timeZone) * 60_000;
  return new Date(second);
}

/** Offsets change only on quarter hours (every real transition is at :00, :15, :30 or :45), so a quarter-hour caches exactly. */
const QUARTER_HOUR = 900_000;
const offsetCache = new Map<string, number>();

/** Minutes the zone is ahead of UTC at an instant (`+60` for Paris in winter). */
function offsetMinutes(instant: number, timeZone: string): number {
  const key = `${timeZone}@${Math.floor(instant / QUARTER_HOUR)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size > 200_000) offsetCache.clear();
    offset = formatOffsetMinutes(instant, timeZone);
    offsetCache.set(key, offset);
  }
  return offset;
}

function formatOffsetMinutes(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}
