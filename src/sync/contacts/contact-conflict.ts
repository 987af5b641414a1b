import type { SyncedContactField } from '../../domain/synced-contact';
import type { SyncConflict } from '../sync-conflict';

/** A conflict on a synced contact field; kept as a `ConflictRecord` of entity `contact`. */
export type ContactConflict = SyncConflict<SyncedContactField>;
