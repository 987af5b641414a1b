import type { BridgeClient } from '../../erp/bridge-client';
import type { LogEmailInput, LogMeetingInput, LogResult, MeetingReference, Participant } from '../../erp/bridge-types';
import type { AppointmentItem, MessageReadItem, Person } from '../../office/office-item';

/** The bridge keeps at most 100,000 characters of a body. */
const maxBody = 100_000;

/** Internal senders can show Exchange (X.500) addresses, which the bridge refuses: only SMTP ones go. */
function participants(people: Person[]): Participant[] {
  return people
    .filter((person) => /^[^\s@]+@[^\s@]+$/.test(person.email))
    .map((person) => (person.name ? { email: person.email, name: person.name } : { email: person.email }));
}

/** Logs a received or sent message; the body is read only now, when the user asks. */
export async function logEmail(
  bridge: BridgeClient,
  readBodyText: () => Promise<string>,
  item: MessageReadItem & { internetMessageId: string; from: Person },
  contactId: string | undefined,
  choice: { private: boolean },
): Promise<LogResult> {
  const input: LogEmailInput = {
    internetMessageId: item.internetMessageId,
    subject: item.subject.slice(0, 255),
    from: participants([item.from])[0] ?? { email: item.from.email },
    to: participants(item.to),
    cc: participants(item.cc),
    sentAt: item.dateTimeCreated,
    bodyText: (await readBodyText()).slice(0, maxBody),
    ...(contactId ? { contactId } : {}),
    private: choice.private,
  };
  return bridge.logEmail(input);
}

/** How the pane names a meeting: by its event id (the bridge reads the iCalUId) with the key it used before, or by that key alone. */
export function meetingReferenceOf(item: AppointmentItem): MeetingReference {
  return item.eventId ? { eventId: item.eventId, formerKey: item.meetingKey } : { iCalUId: item.meetingKey };
}

/** Logs a meeting against the chosen contact, else the first attendee who is an ERP contact; private as the user chose. */
export async function logMeeting(
  bridge: BridgeClient,
  readBodyText: () => Promise<string>,
  item: AppointmentItem,
  timeZone: string,
  contactId: string | undefined,
  choice: { private: boolean },
): Promise<LogResult> {
  const [organizer] = participants(item.organizer ? [item.organizer] : []);
  const input: LogMeetingInput = {
    ...meetingReferenceOf(item),
    subject: item.subject.slice(0, 255),
    start: item.start,
    end: item.end,
    timeZone,
    // The bridge reads whether it is all-day from Graph, with its dates.
    allDay: false,
    ...(item.location ? { location: item.location.slice(0, 255) } : {}),
    ...(organizer ? { organizer } : {}),
    attendees: participants(item.attendees),
    bodyText: (await readBodyText()).slice(0, maxBody),
    ...(contactId ? { contactId } : {}),
    private: choice.private,
  };
  return bridge.logMeeting(input);
}
