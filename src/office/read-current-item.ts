/// <reference types="office-js" />
import { meetingKeyOf } from './meeting-key';
import { officeAsync } from './office-async';
import type { CurrentItem, Person } from './office-item';

/** Office types the current item as the intersection of every kind; the reader narrows it at run time. */
export type MailboxItem = NonNullable<typeof Office.context.mailbox.item>;

/** Reads what the add-in shows from the selected message or meeting, in read or compose form. */
export async function readCurrentItem(item: MailboxItem | undefined): Promise<CurrentItem | undefined> {
  if (!item) return undefined;
  const subject: unknown = item.subject;
  const isRead = typeof subject === 'string';
  if (item.itemType === Office.MailboxEnums.ItemType.Appointment) {
    return isRead ? readAppointment(item) : readAppointmentCompose(item);
  }
  return isRead ? readMessage(item) : readMessageCompose(item);
}

function readMessage(message: Office.MessageRead): CurrentItem {
  return {
    surface: 'messageRead',
    subject: message.subject ?? '',
    ...optional('from', personOf(message.from)),
    to: peopleOf(message.to),
    cc: peopleOf(message.cc),
    ...optional('internetMessageId', message.internetMessageId || undefined),
    dateTimeCreated: new Date(message.dateTimeCreated).toISOString(),
  };
}

async function readMessageCompose(message: Office.MessageCompose): Promise<CurrentItem> {
  const [subject, to, cc] = await Promise.all([
    officeAsync<string>((done) => message.subject.getAsync(done)),
    officeAsync<Office.EmailAddressDetails[]>((done) => message.to.getAsync(done)),
    officeAsync<Office.EmailAddressDetails[]>((done) => message.cc.getAsync(done)),
  ]);
  return { surface: 'messageCompose', subject, to: peopleOf(to), cc: peopleOf(cc) };
}

function readAppointment(appointment: Office.AppointmentRead): CurrentItem {
  const organizer = personOf(appointment.organizer);
  const start = new Date(appointment.start).toISOString();
  return {
    surface: 'appointmentAttendee',
    subject: appointment.subject ?? '',
    start,
    end: new Date(appointment.end).toISOString(),
    ...optional('location', appointment.location || undefined),
    ...optional('organizer', organizer),
    attendees: [...peopleOf(appointment.requiredAttendees), ...peopleOf(appointment.optionalAttendees)],
    meetingKey: meetingKeyOf(organizer, start),
    ...optional('eventId', restIdOf(appointment.itemId)),
    ...optional('markedPrivate', markedPrivateOf(appointment.sensitivity)),
  };
}

/** Office.js gives an EWS id on desktop and the web: Graph needs the REST one. Older hosts without the converter give none. */
function restIdOf(itemId: string | undefined): string | undefined {
  const { mailbox } = Office.context;
  if (!itemId || typeof mailbox.convertToRestId !== 'function') return undefined;
  return mailbox.convertToRestId(itemId, Office.MailboxEnums.RestVersion.v2_0);
}

/** Mailbox 1.14's sensitivity of an appointment read; undefined before it. */
function markedPrivateOf(sensitivity: Office.MailboxEnums.AppointmentSensitivityType | undefined): boolean | undefined {
  if (sensitivity === undefined) return undefined;
  return sensitivity === Office.MailboxEnums.AppointmentSensitivityType.Private || sensitivity === Office.MailboxEnums.AppointmentSensitivityType.Confidential;
}

async function readAppointmentCompose(appointment: Office.AppointmentCompose): Promise<CurrentItem> {
  const [subject, start, end, location, required, optionalAttendees, organizerDetails] = await Promise.all([
    officeAsync<string>((done) => appointment.subject.getAsync(done)),
    officeAsync<Date>((done) => appointment.start.getAsync(done)),
    officeAsync<Date>((done) => appointment.end.getAsync(done)),
    officeAsync<string>((done) => appointment.location.getAsync(done)),
    officeAsync<Office.EmailAddressDetails[]>((done) => appointment.requiredAttendees.getAsync(done)),
    officeAsync<Office.EmailAddressDetails[]>((done) => appointment.optionalAttendees.getAsync(done)),
    // The organizer getter needs Mailbox 1.7; before that the organizer is the mailbox owner.
    Office.context.requirements.isSetSupported('Mailbox', '1.7')
      ? officeAsync<Office.EmailAddressDetails>((done) => appointment.organizer.getAsync(done))
      : Promise.resolve(undefined),
  ]);
  const organizer = personOf(organizerDetails) ?? { email: Office.context.mailbox.userProfile.emailAddress };
  const startIso = new Date(start).toISOString();
  return {
    surface: 'appointmentOrganizer',
    subject,
    start: startIso,
    end: new Date(end).toISOString(),
    ...optional('location', location || undefined),
    organizer,
    attendees: [...peopleOf(required), ...peopleOf(optionalAttendees)],
    meetingKey: meetingKeyOf(organizer, startIso),
  };
}

function personOf(details: Office.EmailAddressDetails | undefined): Person | undefined {
  if (!details?.emailAddress) return undefined;
  return details.displayName && details.displayName !== details.emailAddress
    ? { email: details.emailAddress, name: details.displayName }
    : { email: details.emailAddress };
}

function peopleOf(list: Office.EmailAddressDetails[] | undefined): Person[] {
  return (list ?? []).flatMap((details) => personOf(details) ?? []);
}

/** Leaves a key out instead of setting it to undefined, so items compare cleanly in tests. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
