import type { EventConflict } from './event-conflict';
import type { EventLink } from './event-link';
import type { EventWindow } from './event-window';

/** Where the last run left the calendar's change detection. */
export interface SavedCalendarCursor {
  /** The calendar it belongs to: `primary`, or the dedicated calendar's id (with `+tagged` while tagged events become actions). */
  calendarId: string;
  window: EventWindow;
  cursor: string;
}

export interface SavedEventSync {
  /** The ERP change feed's cursor, for its tombstones. */
  erpFeed?: string;
  outlook?: SavedCalendarCursor;
}

/** The writes of one store transaction: links and the cursors they came from are saved together. */
export interface EventSyncTransaction {
  saveLink(link: EventLink): Promise<void>;
  removeLink(erpId: string): Promise<void>;
  addConflict(conflict: EventConflict): Promise<void>;
  /** An undefined cursor is removed, so the next run reads from the start. */
  saveCursors(cursors: SavedEventSync): Promise<void>;
}

/** One mailbox's event sync in the bridge store: the run's and the applier's port. */
export interface EventSyncStore {
  readSaved(): Promise<SavedEventSync>;
  listLinks(): Promise<EventLink[]>;
  /** Open ones, and resolved ones (a user's resolution is applied by the next run). */
  listConflicts(): Promise<EventConflict[]>;
  transaction<T>(work: (tx: EventSyncTransaction) => Promise<T>): Promise<T>;
}
