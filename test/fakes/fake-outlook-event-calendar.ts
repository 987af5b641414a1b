import type { EventWindow } from '../../src/sync/events/event-window';
import { overlapsWindow } from '../../src/sync/events/event-window';
import type { OutlookEvent } from '../../src/sync/events/outlook-event';
import type { CalendarRound, EventWrite, EventWriteAnswer, OutlookEventCalendar } from '../../src/sync/events/outlook-event-calendar';
import type { SyncedEvent } from '../../src/sync/events/synced-event';
import { SyncError } from '../../src/sync/sync-error';
import type { FakeClock } from './fake-clock';

/** An event as the fake calendar keeps it: what Graph would hold, tag and transactionId included. */
export interface FakeCalendarEvent extends OutlookEvent {
  transactionId?: string;
  attendees: string[];
}

/**
 * An in-memory calendar with Graph's semantics as the engine relies on them: a delta cursor is a
 * position in the calendar's history (rounds report events changed since, in the window, and ids
 * removed or moved out of it); reads carry tags; a create naming a known `transactionId` answers
 * the first event; `If-Match` is checked. `expireCursors` makes the next round answer 410.
 */
export class FakeOutlookEventCalendar implements OutlookEventCalendar {
  readonly events = new Map<string, FakeCalendarEvent>();
  /** Rounds, lookups and write batches the engine asked for. */
  requests = 0;
  /** Makes writes to one event fail, as a refusing mailbox would. */
  failWrite: (write: EventWrite) => SyncError | undefined = () => undefined;
  private readonly history: { sequence: number; id: string }[] = [];
  private nextId = 1;
  private expired = false;

  constructor(private readonly clock: FakeClock) {}

  async readChanges(cursor: string | undefined, window: EventWindow): Promise<CalendarRound> {
    this.requests += 1;
    if (cursor !== undefined && this.expired) {
      this.expired = false;
      throw new SyncError('cursor_expired', 'Microsoft Graph answered 410 syncStateNotFound.');
    }
    const position = String(this.history.length);
    const inWindow = (event: FakeCalendarEvent) => overlapsWindow(event.fields, window);
    if (cursor === undefined) return { events: [...this.events.values()].filter(inWindow).map(withoutTag), removedIds: [], full: true, cursor: position };
    const changed = new Set(this.history.filter((entry) => entry.sequence > Number(cursor)).map((entry) => entry.id));
    const events: OutlookEvent[] = [];
    const removedIds: string[] = [];
    for (const id of changed) {
      const event = this.events.get(id);
      if (event && inWindow(event)) events.push(withoutTag(event));
      else removedIds.push(id);
    }
    return { events, removedIds, full: false, cursor: position };
  }

  async read(outlookIds: readonly string[]): Promise<{ gone: string[]; found: OutlookEvent[] }> {
    this.requests += 1;
    const gone = outlookIds.filter((id) => !this.events.has(id));
    const found = outlookIds.flatMap((id) => {
      const event = this.events.get(id);
      return event ? [structuredClone(asOutlookEvent(event))] : [];
    });
    return { gone, found };
  }

  async write(writes: readonly EventWrite[]): Promise<EventWriteAnswer[]> {
    this.requests += 1;
    return writes.map((write) => {
      const failure = this.failWrite(write);
      if (failure) return { ok: false, error: failure };
      switch (write.kind) {
        case 'create': {
          const first = [...this.events.values()].find((event) => event.transactionId === write.transactionId);
          const event = first ?? this.add({ fields: write.fields, tag: write.tag, categories: ['ERP'], sensitivity: write.fields.private ? 'private' : 'normal', transactionId: write.transactionId, attendees: write.attendee === undefined ? [] : [write.attendee] });
          return { ok: true, id: event.id, changeKey: event.changeKey };
        }
        case 'update': {
          const event = this.events.get(write.outlookId);
          if (!event) return { ok: false, error: new SyncError('not_found', 'ErrorItemNotFound') };
          if (event.changeKey !== write.changeKey) return { ok: false, error: new SyncError('precondition_failed', 'ErrorIrresolvableConflict') };
          const changed = Object.fromEntries(write.changed.map((column) => [column, write.fields[column]]));
          const updated = this.change(event, { fields: { ...event.fields, ...changed }, ...(write.changed.includes('private') ? { sensitivity: write.fields.private ? 'private' : 'normal' } : {}) });
          return { ok: true, id: updated.id, changeKey: updated.changeKey };
        }
        case 'tag': {
          const event = this.events.get(write.outlookId);
          if (!event) return { ok: false, error: new SyncError('not_found', 'ErrorItemNotFound') };
          if (event.changeKey !== write.changeKey) return { ok: false, error: new SyncError('precondition_failed', 'ErrorIrresolvableConflict') };
          const tagged = this.change(event, { tag: write.tag });
          return { ok: true, id: tagged.id, changeKey: tagged.changeKey };
        }
        case 'remove':
          this.remove(write.outlookId);
          return { ok: true };
      }
    });
  }

  /** The user (or another app) adds an event of their own. */
  add(event: Partial<FakeCalendarEvent> & { fields: SyncedEvent }): FakeCalendarEvent {
    const now = this.clock.now();
    const added: FakeCalendarEvent = { id: `E${this.nextId++}`, changeKey: `K${this.history.length + 1}`, categories: [], sensitivity: 'normal', attendees: [], createdAt: now, lastModifiedAt: now, ...event };
    this.events.set(added.id, added);
    this.history.push({ sequence: this.history.length + 1, id: added.id });
    return added;
  }

  /** The user edits an event in Outlook. */
  edit(id: string, change: Partial<Omit<FakeCalendarEvent, 'fields'>> & { fields?: Partial<SyncedEvent> }): FakeCalendarEvent {
    const event = this.events.get(id);
    if (!event) throw new Error(`the fake calendar has no event ${id}`);
    return this.change(event, { ...change, fields: { ...event.fields, ...change.fields } });
  }

  remove(id: string): void {
    if (this.events.delete(id)) this.history.push({ sequence: this.history.length + 1, id });
  }

  expireCursors(): void {
    this.expired = true;
  }

  /** The events carrying `<environment>:<erpId>`. */
  tagged(tag: string): FakeCalendarEvent[] {
    return [...this.events.values()].filter((event) => event.tag === tag);
  }

  private change(event: FakeCalendarEvent, change: Partial<FakeCalendarEvent>): FakeCalendarEvent {
    const updated: FakeCalendarEvent = { ...event, ...change, changeKey: `K${this.history.length + 1}`, lastModifiedAt: this.clock.now() };
    this.events.set(event.id, updated);
    this.history.push({ sequence: this.history.length + 1, id: event.id });
    return updated;
  }
}

function asOutlookEvent(event: FakeCalendarEvent): OutlookEvent {
  const { transactionId: _transactionId, attendees: _attendees, ...outlook } = event;
  return outlook;
}

/** Delta rounds and listings never carry the extended property. */
function withoutTag(event: FakeCalendarEvent): OutlookEvent {
  const { tag: _tag, ...rest } = asOutlookEvent(event);
  return structuredClone(rest);
}
