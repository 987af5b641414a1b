/**
 * The same field of a record changed on both sides since the last sync, as every collection
 * records it (a `ConflictRecord` of its entity in the store, plus the user): `open` ones wait for
 * the user (policy `manual`), `resolved` ones say which side won and when.
 */
export interface SyncConflict<Field extends string> {
  id: string;
  erpId: string;
  field: Field;
  /** Any JSON value; `undefined` (the field is absent on that side) is kept apart from `null`. */
  erpValue: unknown;
  outlookValue: unknown;
  status: 'open' | 'resolved';
  resolution?: 'erp' | 'outlook';
  createdAt: string;
  resolvedAt?: string;
}
