import type { SyncedEvent } from './synced-event';

/** Outlook's sensitivity of an event: `private` and `confidential` ones are never read into the ERP. */
export type EventSensitivity = 'normal' | 'personal' | 'private' | 'confidential';

/** An event of the synced calendar as the engine reads it. */
export interface OutlookEvent {
  id: string;
  changeKey: string;
  /** `<environment>:<erpId>` when the event was read with its extended property; absent otherwise (delta rounds never carry it). */
  tag?: string;
  /** The same in every attendee's calendar, and kept when the event moves: the key of an action made from the event. */
  iCalUId?: string;
  categories: string[];
  sensitivity: EventSensitivity;
  fields: SyncedEvent;
  createdAt: string;
  lastModifiedAt: string;
}

/** Events the user marked private or confidential: their content never reaches the ERP. */
export function isPrivateEvent(event: Pick<OutlookEvent, 'sensitivity'>): boolean {
  return event.sensitivity === 'private' || event.sensitivity === 'confidential';
}

/** The category every synced event carries (DESIGN §5), compared as Outlook does, ignoring case. */
export const erpCategory = 'ERP';

export function carriesErpCategory(event: Pick<OutlookEvent, 'categories'>): boolean {
  return event.categories.some((category) => category.toLowerCase() === erpCategory.toLowerCase());
}
