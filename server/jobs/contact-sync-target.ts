import type { ConflictPolicy, SyncDirection } from '../../src/domain/sync-settings';
import type { UserKey } from '../store/store';

/** One mailbox's contact sync as its settings say: which folder, which direction, which conflict policy. */
export interface ContactSyncTarget {
  environment: string;
  user: UserKey;
  folderId: string;
  direction: Exclude<SyncDirection, 'off'>;
  policy: ConflictPolicy;
}
