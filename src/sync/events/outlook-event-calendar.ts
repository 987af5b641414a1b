import type { SyncError } from '../sync-error';
import type { EventWindow } from './event-window';
import type { OutlookEvent } from './outlook-event';
import type { SyncedEvent } from './synced-event';

/** One write of a run, sent with the others in one round trip. */
export type EventWrite =
  /**
   * `transactionId` makes a retried create answer the first event instead of making a second one;
   * `attendee`, the email of the action's ERP contact, invited (only when the environment allows it).
   */
  | { kind: 'create'; fields: SyncedEvent; tag: string; transactionId: string; attendee?: string }
  /** Writes only the `changed` fields of `fields` (times go together); `If-Match` with the change key the plan read. */
  | { kind: 'update'; outlookId: string; changeKey: string; fields: SyncedEvent; changed: readonly (keyof SyncedEvent)[] }
  /** Tags an event of the user's own that became an ERP action (`If-Match` as read). */
  | { kind: 'tag'; outlookId: string; changeKey: string; tag: string }
  | { kind: 'remove'; outlookId: string };

/** A write's outcome: the event's id and change key after a create or update; removing an event already gone succeeds. */
export type EventWriteAnswer = { ok: true; id?: string; changeKey?: string } | { ok: false; error: SyncError };

/** What one reading of the calendar reported. */
export interface CalendarRound {
  /** Events present in the window, added or changed since the cursor (every one on a full round); no tags. */
  events: OutlookEvent[];
  /** Events Graph reported removed: deleted, or moved or changed outside the window. */
  removedIds: string[];
  /** Everything in the window was listed: a linked event missing from it is deleted or outside the window. */
  full: boolean;
  /** Where the next round starts; `undefined` when the source has none (a dedicated calendar is listed in full every time). */
  cursor?: string;
}

/**
 * The calendar the mailbox's ERP actions live in (the primary one unless the user chose another):
 * the event collection's port. Its adapter is `createGraphEventCalendar` (`src/graph/events`);
 * failures throw `SyncError`.
 */
export interface OutlookEventCalendar {
  /**
   * Changes since `cursor` over `window` (a full round without a cursor); throws `cursor_expired`
   * when the cursor is stale, so the caller starts a full round.
   */
  readChanges(cursor: string | undefined, window: EventWindow): Promise<CalendarRound>;
  /** Reads events by id with their tags: the ones deleted are `gone`, wherever the others now are. */
  read(outlookIds: readonly string[]): Promise<{ gone: string[]; found: OutlookEvent[] }>;
  /** Sends the writes together (Graph: `$batch`es of 20); per-write failures are answers. Attendees only as a create's `attendee`. */
  write(writes: readonly EventWrite[]): Promise<EventWriteAnswer[]>;
}
