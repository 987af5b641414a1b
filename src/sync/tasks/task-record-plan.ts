import type { ErpActionChanges } from '../actions/erp-action-source';
import type { OutlookTaskWrite } from './outlook-task-list';
import type { SyncedTask } from './synced-task';
import type { TaskConflict } from './task-conflict';

/**
 * What one ERP action's task needs: its writes, the conflicts to record (before any write), and
 * its link once the writes are done. A link to save holds the ERP version and the change key as
 * planned; the applier replaces them with what the writes answer.
 */
export interface TaskRecordPlan {
  erpId: string;
  erpWrite?: { changes: ErpActionChanges; version: number };
  /** The first write is the record's own task (create, update or removal); the rest remove duplicates. */
  outlookWrites: OutlookTaskWrite[];
  conflicts: TaskConflict[];
  link:
    | { kind: 'save'; state: 'active' | 'suppressed'; outlookId: string | undefined; fields: SyncedTask; version: number; changeKey: string; missedListings?: number }
    | { kind: 'remove' }
    | { kind: 'keep' };
}
