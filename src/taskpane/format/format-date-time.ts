/** Dates are shown in the pane's language and the mailbox's zone; the ERP keeps instants. */
export function formatDateTime(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

export function formatDate(isoDate: string, language: string): string {
  // A bare date (`2026-03-01`) is a calendar day, not an instant: format it in UTC so it never shifts.
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * An all-day item's dates, read in its own zone (`Mar 30, 2026`, or `Mar 30 – Apr 1, 2026` for
 * several days): they stay the same dates whatever zone the mailbox is in.
 */
export function formatAllDay(start: string, end: string, timeZone: string, language: string): string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone });
  // The end is the start of the day after the last one.
  const last = new Date(Math.max(Date.parse(start), Date.parse(end) - 1));
  return format.formatRange(new Date(start), last);
}
