import type { SyncConflict } from '../sync-conflict';
import type { SyncedTask } from './synced-task';

/**
 * A conflict on a task's subject, notes, due date or status; kept as a `ConflictRecord` of entity
 * `task`. A resolution newer than the link is applied by the next run.
 */
export type TaskConflict = SyncConflict<keyof SyncedTask>;
