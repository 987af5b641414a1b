/**
 * The range of time the primary calendar's change detection covers (`calendarView/delta` needs a
 * fixed one): from 90 days back to two years ahead. It rolls forward once it is a week behind,
 * with a full listing of the new range (a delta token keeps the range it was made for).
 */
export const eventWindowDaysBack = 90;
export const eventWindowDaysAhead = 730;
export const eventWindowRollAfterDays = 7;

const dayMs = 86_400_000;

export interface EventWindow {
  /** UTC instants, ISO 8601. */
  start: string;
  end: string;
}

/** The window a run at `now` wants, from midnight UTC so that runs of one day agree. */
export function eventWindowAt(now: Date): EventWindow {
  const today = Math.floor(now.getTime() / dayMs) * dayMs;
  return { start: new Date(today - eventWindowDaysBack * dayMs).toISOString(), end: new Date(today + eventWindowDaysAhead * dayMs).toISOString() };
}

/** Whether a saved window may still be used at `now`: it starts less than a week before the wanted one. */
export function isWindowCurrent(saved: EventWindow, now: Date): boolean {
  return Date.parse(eventWindowAt(now).start) - Date.parse(saved.start) < eventWindowRollAfterDays * dayMs;
}

/** Whether an event's times meet the window; all-day dates are read as UTC days, a day's slack either side. */
export function overlapsWindow(times: { start: string; end: string; allDay: boolean }, window: EventWindow): boolean {
  const slack = times.allDay ? dayMs : 0;
  const start = Date.parse(times.start) - slack;
  const end = Math.max(Date.parse(times.end) + slack, start);
  return start < Date.parse(window.end) && end >= Date.parse(window.start);
}
