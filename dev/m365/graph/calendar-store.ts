import type { CalendarRecord, CalendarViewWindow, EventInput, EventRecord } from './calendar-record';
import { DeltaTokenStore } from './delta-token-store';
import { FolderChangeLog } from './folder-change-log';
import { formatGraphDateTime } from './format-graph-date-time';
import { GraphError, itemNotFound } from './graph-error';
import type { MailboxChangeFeed } from './mailbox-change-feed';
import type { MailboxIdFactory } from './mailbox-id-factory';
import type { StoredDateTime } from './parse-date-time-time-zone';
import type { DeltaRoundToken } from './read-delta-round-page';

export interface CalendarStoreDeps {
  ids: MailboxIdFactory;
  feed: MailboxChangeFeed;
  now: () => number;
  owner: { name: string; address: string };
  deltaTokenCapacity: number;
}

const isMidnight = (time: StoredDateTime) =>
  time.local.hour === 0 && time.local.minute === 0 && time.local.second === 0 && time.local.millisecond === 0;

/** Exchange's checks on an event's times, after a create or PATCH is merged with what is stored. */
function assertValidTimes(start: StoredDateTime, end: StoredDateTime, isAllDay: boolean): void {
  if (end.epochMs < start.epochMs) {
    throw new GraphError(400, 'ErrorCalendarEndDateIsEarlierThanStartDate', 'The end date occurs before the start date.');
  }
  if (isAllDay && (!isMidnight(start) || !isMidnight(end) || start.timeZone.iana !== end.timeZone.iana || end.epochMs === start.epochMs)) {
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      'An all-day event must start and end at midnight, in the same time zone, at least one day apart.',
    );
  }
}

/**
 * One mailbox's calendars and events. The primary calendar ("Calendar") cannot be deleted;
 * each write is logged per calendar (for calendarView delta) and published (for notifications).
 */
export class CalendarStore {
  readonly primaryCalendarId: string;
  readonly changeLog = new FolderChangeLog();
  readonly deltaTokens: DeltaTokenStore<DeltaRoundToken<CalendarViewWindow>>;
  /** The window of every token handed out, kept after the token expires so a 410 can name the initial URL. */
  private readonly windowsByToken = new Map<string, CalendarViewWindow>();
  private readonly calendarsById = new Map<string, CalendarRecord>();
  private readonly eventsById = new Map<string, EventRecord>();

  constructor(private readonly deps: CalendarStoreDeps) {
    this.deltaTokens = new DeltaTokenStore(deps.deltaTokenCapacity);
    this.primaryCalendarId = deps.ids.calendarId();
    this.calendarsById.set(this.primaryCalendarId, {
      id: this.primaryCalendarId,
      name: 'Calendar',
      changeKey: deps.ids.changeKey(),
      isDefaultCalendar: true,
    });
  }

  rememberWindow(token: string, window: CalendarViewWindow): void {
    this.windowsByToken.delete(token);
    this.windowsByToken.set(token, window);
    const oldest = this.windowsByToken.keys().next();
    if (this.windowsByToken.size > this.deps.deltaTokenCapacity * 2 && !oldest.done) this.windowsByToken.delete(oldest.value);
  }

  windowOfToken(token: string): CalendarViewWindow | undefined {
    return this.windowsByToken.get(token);
  }

  listCalendars(): CalendarRecord[] {
    return [...this.calendarsById.values()];
  }

  calendar(calendarId: string): CalendarRecord | undefined {
    return this.calendarsById.get(calendarId);
  }

  requireCalendar(calendarId: string): CalendarRecord {
    const calendar = this.calendarsById.get(calendarId);
    if (!calendar) throw itemNotFound();
    return calendar;
  }

  /** Exchange refuses a second calendar with the same name (ignoring case). */
  createCalendar(name: string): CalendarRecord {
    this.refuseDuplicateName(name);
    const calendar = { id: this.deps.ids.calendarId(), name, changeKey: this.deps.ids.changeKey(), isDefaultCalendar: false };
    this.calendarsById.set(calendar.id, calendar);
    return calendar;
  }

  renameCalendar(calendarId: string, name: string): CalendarRecord {
    const calendar = this.requireCalendar(calendarId);
    if (calendar.name.toLowerCase() !== name.toLowerCase()) this.refuseDuplicateName(name);
    calendar.name = name;
    calendar.changeKey = this.deps.ids.changeKey();
    return calendar;
  }

  /** Deleting a calendar deletes its events. */
  deleteCalendar(calendarId: string): void {
    const calendar = this.requireCalendar(calendarId);
    if (calendar.isDefaultCalendar) throw new GraphError(400, 'ErrorInvalidRequest', 'The default calendar cannot be deleted.');
    for (const event of this.eventsIn(calendarId)) this.deleteEvent(event);
    this.calendarsById.delete(calendarId);
    this.changeLog.forget(calendarId);
  }

  event(eventId: string): EventRecord | undefined {
    return this.eventsById.get(eventId);
  }

  /** Events of one calendar in creation order. */
  eventsIn(calendarId: string): EventRecord[] {
    return [...this.eventsById.values()].filter((event) => event.calendarId === calendarId);
  }

  allEvents(): EventRecord[] {
    return [...this.eventsById.values()];
  }

  /**
   * A create that names the `transactionId` of an event the mailbox already holds is a client's
   * retry: Graph avoids the redundant POST (event resource, `transactionId`), so the first event is
   * answered and nothing new is made.
   */
  createEvent(calendarId: string, input: EventInput): EventRecord {
    this.requireCalendar(calendarId);
    const { transactionId } = input.fields;
    const first = transactionId ? this.allEvents().find((event) => event.fields.transactionId === transactionId) : undefined;
    if (first) return first;
    const { start, end } = input;
    if (!start || !end) throw new GraphError(400, 'ErrorInvalidRequest', 'An event needs both start and end.');
    const fields = {
      subject: '',
      body: { contentType: 'html' as const, content: '' },
      isAllDay: false,
      showAs: 'busy' as const,
      sensitivity: 'normal' as const,
      importance: 'normal' as const,
      categories: [],
      location: null,
      locations: [],
      attendees: [],
      isReminderOn: true,
      reminderMinutesBeforeStart: 15,
      responseRequested: true,
      allowNewTimeProposals: true,
      hideAttendees: false,
      transactionId: null,
      ...input.fields,
    };
    assertValidTimes(start, end, fields.isAllDay);
    const sequence = this.deps.feed.next();
    const now = formatGraphDateTime(this.deps.now());
    const event: EventRecord = {
      id: this.deps.ids.eventId(),
      iCalUId: this.deps.ids.iCalUId(),
      calendarId,
      organizer: { ...this.deps.owner },
      fields,
      start,
      end,
      extendedProperties: new Map(input.extendedProperties.map(({ key, id, value }) => [key, { id, value }])),
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: this.deps.ids.changeKey(),
    };
    this.eventsById.set(event.id, event);
    this.logChange(event, sequence, 'created');
    return event;
  }

  /** PATCH semantics: given properties replace the stored ones (complex values as a whole). */
  updateEvent(event: EventRecord, input: EventInput): EventRecord {
    const { transactionId } = input.fields;
    if (transactionId !== undefined && transactionId !== event.fields.transactionId) {
      throw new GraphError(400, 'ErrorInvalidRequest', 'The transactionId of an event is set when it is created and cannot be changed.');
    }
    const start = input.start ?? event.start;
    const end = input.end ?? event.end;
    assertValidTimes(start, end, input.fields.isAllDay ?? event.fields.isAllDay);
    const sequence = this.deps.feed.next();
    Object.assign(event.fields, input.fields);
    event.start = start;
    event.end = end;
    for (const { key, id, value } of input.extendedProperties) {
      event.extendedProperties.set(key, { id: event.extendedProperties.get(key)?.id ?? id, value });
    }
    event.lastModifiedDateTime = formatGraphDateTime(this.deps.now());
    event.changeKey = this.deps.ids.changeKey();
    this.logChange(event, sequence, 'updated');
    return event;
  }

  deleteEvent(event: EventRecord): void {
    const sequence = this.deps.feed.next();
    this.eventsById.delete(event.id);
    this.logChange(event, sequence, 'deleted');
  }

  private refuseDuplicateName(name: string): void {
    if (this.listCalendars().some((calendar) => calendar.name.toLowerCase() === name.toLowerCase())) {
      throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    }
  }

  private logChange(event: EventRecord, sequence: number, changeType: 'created' | 'updated' | 'deleted'): void {
    this.changeLog.append(event.calendarId, { sequence, itemKey: event.id, restId: event.id });
    this.deps.feed.publish({
      kind: 'event',
      containerId: event.calendarId,
      itemId: event.id,
      immutableId: event.id,
      changeType,
      ...(changeType === 'deleted' ? {} : { changeKey: event.changeKey }),
    });
  }
}
