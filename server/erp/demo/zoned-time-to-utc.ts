import { Temporal } from 'temporal-polyfill';

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * The instant at which a wall clock in `timeZone` shows `wall` (`09:00` in Europe/Madrid on a
 * summer day is 07:00Z). Temporal's `compatible` disambiguation, as calendars do: in a DST gap it
 * lands later by the gap, in a repeated hour on its first pass.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): Date {
  const local = Temporal.PlainDateTime.from(wall, { overflow: 'reject' });
  return new Date(local.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds);
}
