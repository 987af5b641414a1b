import type { ActionInput } from '../../domain/erp-records';
import type { ErpActionChanges } from '../actions/erp-action-source';
import type { EventConflict } from './event-conflict';
import type { EventLink } from './event-link';
import type { EventWrite } from './outlook-event-calendar';

/** What the link of a record becomes once its writes are done. */
export type EventLinkChange = { kind: 'save'; link: EventLink } | { kind: 'remove' };

/**
 * Everything a run does for one action, in the order the applier does it: conflicts recorded
 * first, then the ERP write, then the Outlook write, then the link (with the version and change key
 * the writes answered).
 */
export interface EventRecordPlan {
  erpId: string;
  conflicts: EventConflict[];
  erpWrite?: { changes: ErpActionChanges; version: number };
  outlookWrite?: EventWrite;
  /** Untouched copies of the record's event (a retried create): removed with the writes. */
  removeDuplicates?: string[];
  link?: EventLinkChange;
}

/** An event of the user's own they tagged `ERP`: made an ERP action (found again by `sourceKey` on a retry), then tagged as ours. */
export interface ErpCreatePlan {
  outlookId: string;
  changeKey: string;
  input: ActionInput;
  sourceKey: string;
}

/** The records with something to do, sorted by ERP id; the actions to make from Outlook, sorted by event id. */
export interface EventPlan {
  records: EventRecordPlan[];
  erpCreates: ErpCreatePlan[];
}

/** Writes to either side (a link or conflict saved alone is bookkeeping, not a write). */
export function countEventWrites(plan: EventPlan): number {
  return plan.records.reduce((count, record) => count + (record.erpWrite ? 1 : 0) + (record.outlookWrite ? 1 : 0) + (record.removeDuplicates?.length ?? 0), 2 * plan.erpCreates.length);
}
