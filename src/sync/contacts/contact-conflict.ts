import type { SyncedContactField } from '../../domain/synced-contact';

/**
 * The same field changed on both sides since the last sync. Kept as a `ConflictRecord` of entity
 * `contact` (plus the user): `open` ones wait for the user (policy `manual`), `resolved` ones say
 * which side won and when.
 */
export type ContactConflict = {
  id: string;
  erpId: string;
  field: SyncedContactField;
  erpValue: unknown;
  outlookValue: unknown;
  status: 'open' | 'resolved';
  resolution?: 'erp' | 'outlook';
  createdAt: string;
  resolvedAt?: string;
};
