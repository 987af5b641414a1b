import type { ContactSyncSettings } from '../../src/sync/contacts/run-contact-sync';
import type { UserKey } from '../store/store';

/** One mailbox's contact sync as its settings say: which folder, which direction, which conflict policy. */
export interface ContactSyncTarget extends ContactSyncSettings {
  user: UserKey;
}
