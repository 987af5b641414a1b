import type { SyncConflict } from '../sync-conflict';
import type { EventMergeField } from './synced-event';

/** A conflict on an action's subject, notes or time; kept as a `ConflictRecord` of entity `event`. */
export type EventConflict = SyncConflict<EventMergeField>;
