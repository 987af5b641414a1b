/**
 * A To Do task as the engine sees it. `completed` is To Do's `completed` status (every other status
 * is open); `tag` is the `externalId` of the linked resource the bridge created, when it has one.
 */
export interface OutlookTask {
  id: string;
  changeKey: string;
  title: string;
  /** The body as text. */
  notes: string;
  /** The due date (`2026-03-29`): To Do keeps a date, shown as that date in every zone; or null. */
  dueDate: string | null;
  completed: boolean;
  /** The user's categories (the bridge puts `ERP` on the tasks it creates). */
  categories: string[];
  tag?: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
}
