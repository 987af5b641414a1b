import type { ErpErrorCode } from '../../domain/erp-port';
import type { RunFailure } from '../run-state';
import type { SyncErrorCode } from '../sync-error';
import type { ContactOperationKind } from './contact-operation';
import type { ContactPlanCounters } from './contact-plan';

/** One operation that failed: data in the report, not a reason to stop the run. */
export type ContactItemFailure = {
  erpId: string;
  /** The plan's operation, or the move of a contact to the folder the user chose. */
  operation: ContactOperationKind | 'moveToFolder';
  code: SyncErrorCode | ErpErrorCode;
  message: string;
  /** For a value the ERP refused: the synced field and the value as the user typed it. */
  field?: string;
  value?: string;
};

/**
 * What a contact run did, kept as the `report` of its `RunRecord`. Per-item failures are listed;
 * only `failure` (set when `outcome` is `failed`) stopped the run.
 */
export type ContactRunReport = {
  outcome: 'succeeded' | 'failed' | 'waiting_confirmation';
  startedAt: string;
  finishedAt: string;
  /** What the plan asked for. */
  planned: ContactPlanCounters;
  applied: number;
  failures: ContactItemFailure[];
  /** Operations not tried because an earlier one of the same ERP id failed, or the run stopped. */
  skipped: number;
  /** ERP ids whose removal waits for the user's confirmation. */
  heldRemovals: string[];
  failure?: RunFailure;
  /** Neither side reported a change: nothing was listed or planned (one Graph request). */
  quiet: boolean;
  /** Failed operations in all; `failures` keeps the first 100 of them. */
  failedOperations: number;
  /** The run found the Outlook delta link expired and listed the folder again. */
  resynced: boolean;
  /** The contact folder changed since the last run: what became of the contacts synced into the old one. */
  folderChange?: { mode: 'move' | 'leave'; moved: number; left: number; missing: number };
};
