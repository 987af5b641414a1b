import type { SyncedEvent } from './synced-event';

/** What both sides held after the last sync of one action: the base of the three-way merge. */
export interface EventSnapshot {
  fields: SyncedEvent;
  /** The event's change key after our last write or read: an event still at it has not changed in Outlook. */
  changeKey: string;
  /** The action's version then: a suppressed link comes back when the action changes past it. */
  erpVersion: number;
}

/** One ERP action tied to one Outlook event; kept as a `LinkRecord` of entity `event`. */
export interface EventLink {
  erpId: string;
  outlookId: string;
  /** `suppressed`: the user deleted the event; it is not recreated until the action changes. */
  state: 'active' | 'suppressed';
  snapshot: EventSnapshot;
  /** Consecutive full ERP listings that missed the action (two remove its event). */
  missedListings: number;
  updatedAt: string;
}
