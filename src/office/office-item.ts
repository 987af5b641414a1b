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
  /** The key a meeting is logged under once for everyone; see `meetingKeyOf`. */
  meetingKey: string;
}

export type CurrentItem = MessageReadItem | MessageComposeItem | AppointmentItem;
export type ItemSurface = CurrentItem['surface'];
