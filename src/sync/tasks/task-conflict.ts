import type { SyncedTask } from './synced-task';

/**
 * One field of a task changed on both sides since the last sync. Kept as a `ConflictRecord` of
 * entity `task`: `open` ones wait for the user (policy `manual`), `resolved` ones say which side
 * won and when; a resolution newer than the link is applied by the next run.
 */
export interface TaskConflict {
  id: string;
  erpId: string;
  field: keyof SyncedTask;
  erpValue: unknown;
  outlookValue: unknown;
  status: 'open' | 'resolved';
  resolution?: 'erp' | 'outlook';
  createdAt: string;
  resolvedAt?: string;
}
