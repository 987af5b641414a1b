/** A person on an item, as Outlook shows them: an address and, when Outlook knows it, a display name. */
export interface Person {
  email: string;
  name?: string;
}

/** A message open in the reading pane or a read window. */
export interface MessageReadItem {
  surface: 'messageRead';
  subject: string;
  from?: Person;
  to: Person[];
  cc: Person[];
  /** Absent on items Outlook has not sent or received yet; logging then waits. */
  internetMessageId?: string;
  /** ISO 8601 instant. */
  dateTimeCreated: string;
}

/** A message being written. */
export interface MessageComposeItem {
  surface: 'messageCompose';
  subject: string;
  to: Person[];
  cc: Person[];
}

/** A meeting, seen by an attendee (read form) or by its organizer (compose form). */
export interface AppointmentItem {
  surface: 'appointmentAttendee' | 'appointmentOrganizer';
  subject: string;
  /** ISO 8601 instants. */
  start: string;
  end: string;
  location?: string;
  organizer?: Person;
  attendees: Person[];
  /** The key a meeting was logged under before the bridge read its iCalUId; see `meetingKeyOf`. */
  meetingKey: string;
  /** Outlook's REST id of the saved event (`convertToRestId`), from which the bridge reads its iCalUId; absent for a meeting not saved yet. */
  eventId?: string;
  /** Outlook marks it private or confidential (Mailbox 1.14); undefined where Office.js does not say. */
  markedPrivate?: boolean;
}

export type CurrentItem = MessageReadItem | MessageComposeItem | AppointmentItem;
export type ItemSurface = CurrentItem['surface'];
