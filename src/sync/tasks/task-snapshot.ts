import type { SyncedTask } from './synced-task';

/**
 * What a link remembers of the last sync of one task: the synced fields, the ERP version they were
 * read at or written as, and the task's change key after our last write, so the bridge's own
 * writes, coming back through delta and the ERP feed, are not taken for edits.
 */
export interface TaskSnapshot extends SyncedTask {
  version: number;
  changeKey: string;
}
