/** Dates are shown in the pane's language and the user's zone; the ERP keeps instants. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(isoDate: string, language: string): string {
  // A bare date (`2026-03-01`) is a calendar day, not an instant: format it in UTC so it never shifts.
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
