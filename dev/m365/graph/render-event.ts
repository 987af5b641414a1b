import type { Event, Location } from '@microsoft/microsoft-graph-types';
import type { EventRecord } from './calendar-record';
import { renderDateTimeTimeZone } from './render-date-time-time-zone';
import { type BodyContentType, bodyPreview, renderItemBody } from './render-item-body';
import type { ResolvedTimeZone } from './resolve-time-zone';

/** An event as Graph serialises it, with its annotations. */
export type GraphEventJson = Event & { '@odata.context'?: string; '@odata.etag'?: string };

type EventProperty = Exclude<
  keyof Event,
  | 'attachments' | 'calendar' | 'exceptionOccurrences' | 'extensions' | 'instances' | 'multiValueExtendedProperties'
  | 'singleValueExtendedProperties' | 'cancelledOccurrences' | 'originalStart'
>;

/** Every structural property, in the order Graph writes them (see `test/fixtures/graph/event-create.json`). */
export const eventPropertyNames: readonly EventProperty[] = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'transactionId', 'originalStartTimeZone',
  'originalEndTimeZone', 'iCalUId', 'reminderMinutesBeforeStart', 'isReminderOn', 'hasAttachments', 'hideAttendees',
  'subject', 'bodyPreview', 'importance', 'sensitivity', 'isAllDay', 'isCancelled', 'isDraft', 'isOrganizer',
  'responseRequested', 'seriesMasterId', 'showAs', 'type', 'webLink', 'onlineMeetingUrl', 'isOnlineMeeting',
  'onlineMeetingProvider', 'onlineMeeting', 'allowNewTimeProposals', 'responseStatus', 'body', 'start', 'end', 'location',
  'locations', 'recurrence', 'attendees', 'organizer',
];

export interface RenderEventOptions {
  /** The zone of `Prefer: outlook.timezone`, UTC by default. */
  zone: ResolvedTimeZone;
  bodyContentType?: BodyContentType;
  /** `$select`; `id` and the etag are always written. */
  select?: ReadonlySet<string>;
  /** Keys of the extended properties named in `$expand=singleValueExtendedProperties($filter=…)`. */
  expandedPropertyKeys?: ReadonlySet<string>;
  context?: string;
}

const noLocation: Location = { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };

function renderLocation(location: Location | null): Location {
  if (!location?.displayName) return noLocation;
  return {
    ...location,
    displayName: location.displayName,
    locationType: location.locationType ?? 'default',
    uniqueId: location.uniqueId ?? location.displayName,
    uniqueIdType: location.uniqueIdType ?? 'private',
  };
}

/** Exchange lists the single `location` in `locations` when the client gave no list of its own. */
function renderLocations(event: EventRecord): Location[] {
  const given = event.fields.locations.length > 0 ? event.fields.locations : event.fields.location?.displayName ? [event.fields.location] : [];
  return given.map((location) => ({ ...location, locationType: location.locationType ?? 'default', uniqueIdType: location.uniqueIdType ?? 'unknown' }));
}

/**
 * Serialises a stored event the way Graph does: times in the requested zone (an all-day event
 * keeps its midnights), the body as HTML unless text is preferred, attendees who were never invited.
 */
export function renderEvent(event: EventRecord, options: RenderEventOptions): GraphEventJson {
  const { fields } = event;
  const never = { response: 'none' as const, time: '0001-01-01T00:00:00Z' };
  const full: GraphEventJson = {
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: event.changeKey,
    categories: [...fields.categories],
    transactionId: fields.transactionId,
    originalStartTimeZone: event.start.timeZone.name,
    originalEndTimeZone: event.end.timeZone.name,
    iCalUId: event.iCalUId,
    reminderMinutesBeforeStart: fields.reminderMinutesBeforeStart,
    isReminderOn: fields.isReminderOn,
    hasAttachments: false,
    hideAttendees: fields.hideAttendees,
    subject: fields.subject,
    bodyPreview: bodyPreview(fields.body),
    importance: fields.importance,
    sensitivity: fields.sensitivity,
    isAllDay: fields.isAllDay,
    isCancelled: false,
    isDraft: false,
    isOrganizer: true,
    responseRequested: fields.responseRequested,
    seriesMasterId: null,
    showAs: fields.showAs,
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    onlineMeeting: null,
    allowNewTimeProposals: fields.allowNewTimeProposals,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: renderItemBody(fields.body, options.bodyContentType ?? 'html'),
    start: renderDateTimeTimeZone(event.start, options.zone, fields.isAllDay),
    end: renderDateTimeTimeZone(event.end, options.zone, fields.isAllDay),
    location: renderLocation(fields.location),
    locations: renderLocations(event),
    recurrence: null,
    attendees: fields.attendees.map((attendee) => ({ type: attendee.type, status: never, emailAddress: { ...attendee.emailAddress } })),
    organizer: { emailAddress: { name: event.organizer.name, address: event.organizer.address } },
  };
  const json: GraphEventJson = {};
  if (options.context) json['@odata.context'] = options.context;
  json['@odata.etag'] = `W/"${event.changeKey}"`;
  for (const name of eventPropertyNames) {
    if (name === 'id' || !options.select || options.select.has(name)) copyProperty(json, full, name);
  }
  const expanded = [...(options.expandedPropertyKeys ?? [])].flatMap((key) => {
    const property = event.extendedProperties.get(key);
    return property ? [{ id: property.id, value: property.value }] : [];
  });
  if (expanded.length > 0) json.singleValueExtendedProperties = expanded;
  return json;
}

function copyProperty<Name extends keyof GraphEventJson>(target: GraphEventJson, source: GraphEventJson, name: Name): void {
  target[name] = source[name];
}
