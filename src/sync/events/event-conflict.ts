import type { EventMergeField } from './synced-event';

/** The same field of an action changed on both sides; kept as a `ConflictRecord` of entity `event`. */
export interface EventConflict {
  id: string;
  erpId: string;
  field: EventMergeField;
  erpValue: unknown;
  outlookValue: unknown;
  status: 'open' | 'resolved';
  resolution?: 'erp' | 'outlook';
  createdAt: string;
  resolvedAt?: string;
}
