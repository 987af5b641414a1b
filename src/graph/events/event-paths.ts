import { mailboxPath, type Mailbox } from '../mailbox-path';

/** Where the bridge creates events: the primary calendar (`…/calendar/events`) or the dedicated one the user chose. */
export function calendarEventsPath(mailbox: Mailbox, calendarId: string | undefined): string {
  return calendarId === undefined ? `${mailboxPath(mailbox)}/calendar/events` : `${mailboxPath(mailbox)}/calendars/${encodeURIComponent(calendarId)}/events`;
}

/** `…/events/{id}` reaches an event in any calendar of the mailbox. */
export function eventPath(mailbox: Mailbox, eventId: string): string {
  return `${mailboxPath(mailbox)}/events/${encodeURIComponent(eventId)}`;
}
