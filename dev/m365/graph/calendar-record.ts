import type { FreeBusyStatus, Importance, Location, Sensitivity } from '@microsoft/microsoft-graph-types';
import type { StoredExtendedProperty } from './contact-record';
import type { ExtendedPropertyInput } from './parse-extended-properties';
import type { StoredDateTime } from './parse-date-time-time-zone';

export interface CalendarRecord {
  id: string;
  name: string;
  changeKey: string;
  isDefaultCalendar: boolean;
}

export interface StoredAttendee {
  type: 'required' | 'optional' | 'resource';
  emailAddress: { address: string | null; name: string | null };
}

/** The event properties a client may write; ids, dates, change key and organizer the mailbox sets. */
export interface EventFields {
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  isAllDay: boolean;
  showAs: FreeBusyStatus;
  sensitivity: Sensitivity;
  importance: Importance;
  categories: string[];
  location: Location | null;
  locations: Location[];
  /** Stored only: the emulator never sends invitations. */
  attendees: StoredAttendee[];
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  responseRequested: boolean;
  allowNewTimeProposals: boolean;
  hideAttendees: boolean;
  transactionId: string | null;
}

export interface EventRecord {
  id: string;
  iCalUId: string;
  calendarId: string;
  organizer: { name: string; address: string };
  fields: EventFields;
  start: StoredDateTime;
  end: StoredDateTime;
  /** Keyed by `ExtendedPropertyId.key`. */
  extendedProperties: Map<string, StoredExtendedProperty>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
}

/** A validated create or PATCH body: only the properties it names. */
export interface EventInput {
  fields: Partial<EventFields>;
  start?: StoredDateTime;
  end?: StoredDateTime;
  extendedProperties: readonly ExtendedPropertyInput[];
}

/** A calendar view's time range, as instants, with the text the client sent (for reset links). */
export interface CalendarViewWindow {
  startMs: number;
  endMs: number;
  startDateTime: string;
  endDateTime: string;
}

/** An event is in a view when it overlaps the range; an event without duration when it starts inside it. */
export function eventOverlaps(event: EventRecord, window: CalendarViewWindow): boolean {
  if (event.end.epochMs === event.start.epochMs) return event.start.epochMs >= window.startMs && event.start.epochMs < window.endMs;
  return event.start.epochMs < window.endMs && event.end.epochMs > window.startMs;
}
