import { z } from 'zod';
import type { EventFields, EventInput } from './calendar-record';
import { caseInsensitiveEnum } from './case-insensitive-enum';
import { GraphError, invalidRequestBody } from './graph-error';
import { parseDateTimeTimeZone } from './parse-date-time-time-zone';
import { parseExtendedProperties } from './parse-extended-properties';

const number = z.number().nullish();
const dateTimeTimeZone = z.strictObject({ dateTime: z.string(), timeZone: z.string().nullable().optional() });
const address = z
  .strictObject({ street: z.string().nullish(), city: z.string().nullish(), state: z.string().nullish(), countryOrRegion: z.string().nullish(), postalCode: z.string().nullish() })
  .nullish();
const location = z.strictObject({
  displayName: z.string().nullish(),
  locationType: caseInsensitiveEnum(['default', 'conferenceRoom', 'homeAddress', 'businessAddress', 'geoCoordinates', 'streetAddress', 'hotel', 'restaurant', 'localBusiness', 'postalAddress']).nullish(),
  locationEmailAddress: z.string().nullish(),
  locationUri: z.string().nullish(),
  uniqueId: z.string().nullish(),
  uniqueIdType: caseInsensitiveEnum(['unknown', 'locationStore', 'directory', 'private', 'bing']).nullish(),
  address,
  coordinates: z
    .strictObject({ accuracy: number, altitude: number, altitudeAccuracy: number, latitude: number, longitude: number })
    .nullish(),
});
const attendee = z.strictObject({
  type: caseInsensitiveEnum(['required', 'optional', 'resource']).optional(),
  emailAddress: z.strictObject({ address: z.string().nullish(), name: z.string().nullish() }),
  status: z.unknown().optional(),
});

/** Writable event properties; a recurrence is refused, since the emulator keeps single instances only. */
const eventInputSchema = z.strictObject({
  subject: z.string().nullish(),
  body: z.strictObject({ contentType: caseInsensitiveEnum(['text', 'html']).optional(), content: z.string().nullish() }).nullish(),
  start: dateTimeTimeZone.optional(),
  end: dateTimeTimeZone.optional(),
  isAllDay: z.boolean().nullish(),
  showAs: caseInsensitiveEnum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).nullish(),
  sensitivity: caseInsensitiveEnum(['normal', 'personal', 'private', 'confidential']).nullish(),
  importance: caseInsensitiveEnum(['low', 'normal', 'high']).nullish(),
  categories: z.array(z.string()).nullish(),
  location: location.nullish(),
  locations: z.array(location).nullish(),
  attendees: z.array(attendee).nullish(),
  isReminderOn: z.boolean().nullish(),
  reminderMinutesBeforeStart: z.number().int().nonnegative().nullish(),
  responseRequested: z.boolean().nullish(),
  allowNewTimeProposals: z.boolean().nullish(),
  hideAttendees: z.boolean().nullish(),
  transactionId: z.string().nullish(),
  isOnlineMeeting: z.literal(false).nullish(),
  recurrence: z.null().optional(),
  singleValueExtendedProperties: z.array(z.strictObject({ id: z.string(), value: z.string() })).optional(),
});

/** Server-set properties a client may echo back from an earlier read; Graph ignores them. */
const ignoredProperties = new Set([
  'id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'iCalUId', 'originalStartTimeZone', 'originalEndTimeZone',
  'bodyPreview', 'hasAttachments', 'isCancelled', 'isOrganizer', 'isDraft', 'seriesMasterId', 'type', 'webLink',
  'onlineMeetingUrl', 'onlineMeetingProvider', 'onlineMeeting', 'responseStatus', 'organizer',
]);

function withoutIgnoredProperties(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !name.startsWith('@odata.') && !ignoredProperties.has(name)));
}

/** Copies the properties the body named; `null` resets a property to Exchange's default. */
function eventFields(data: z.infer<typeof eventInputSchema>): Partial<EventFields> {
  const fields: Partial<EventFields> = {};
  if (data.subject !== undefined) fields.subject = data.subject ?? '';
  if (data.body !== undefined) fields.body = { contentType: data.body?.contentType ?? 'text', content: data.body?.content ?? '' };
  if (data.isAllDay !== undefined) fields.isAllDay = data.isAllDay ?? false;
  if (data.showAs !== undefined) fields.showAs = data.showAs ?? 'busy';
  if (data.sensitivity !== undefined) fields.sensitivity = data.sensitivity ?? 'normal';
  if (data.importance !== undefined) fields.importance = data.importance ?? 'normal';
  if (data.categories !== undefined) fields.categories = data.categories ?? [];
  if (data.location !== undefined) fields.location = data.location;
  if (data.locations !== undefined) fields.locations = data.locations ?? [];
  if (data.attendees !== undefined) {
    fields.attendees = (data.attendees ?? []).map((entry) => ({
      type: entry.type ?? 'required',
      emailAddress: { address: entry.emailAddress.address ?? null, name: entry.emailAddress.name ?? entry.emailAddress.address ?? null },
    }));
  }
  if (data.isReminderOn !== undefined) fields.isReminderOn = data.isReminderOn ?? true;
  if (data.reminderMinutesBeforeStart !== undefined) fields.reminderMinutesBeforeStart = data.reminderMinutesBeforeStart ?? 15;
  if (data.responseRequested !== undefined) fields.responseRequested = data.responseRequested ?? true;
  if (data.allowNewTimeProposals !== undefined) fields.allowNewTimeProposals = data.allowNewTimeProposals ?? true;
  if (data.hideAttendees !== undefined) fields.hideAttendees = data.hideAttendees ?? false;
  if (data.transactionId !== undefined) fields.transactionId = data.transactionId;
  return fields;
}

/** Validates an event create or PATCH body; answers Graph's 400 `RequestBodyRead` otherwise. */
export function parseEventInput(body: unknown): EventInput {
  const parsed = eventInputSchema.safeParse(withoutIgnoredProperties(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys' && issue.path.length === 0) {
      throw invalidRequestBody(
        `The property '${issue.keys[0] ?? ''}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
    if (issue?.path[0] === 'recurrence' || issue?.path[0] === 'isOnlineMeeting') {
      throw new GraphError(400, 'ErrorInvalidRequest', `The emulator keeps single, offline events only: '${String(issue.path[0])}' is not supported.`);
    }
    const path = issue?.path.join('.') ?? '';
    throw invalidRequestBody(`Invalid value for the property '${path}' of type 'microsoft.graph.event': ${issue?.message ?? 'invalid'}.`);
  }
  const { start, end, singleValueExtendedProperties = [] } = parsed.data;
  return {
    fields: eventFields(parsed.data),
    start: start ? parseDateTimeTimeZone(start, 'start') : undefined,
    end: end ? parseDateTimeTimeZone(end, 'end') : undefined,
    extendedProperties: parseExtendedProperties(singleValueExtendedProperties),
  };
}
