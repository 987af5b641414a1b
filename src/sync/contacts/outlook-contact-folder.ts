import type { SyncedContact } from '../../domain/synced-contact';
import type { OutlookContact } from './outlook-contact';
import type { OutlookContactChanges } from './outlook-contact-changes';

/**
 * The mailbox's chosen contact folder, the only one the bridge writes. Implemented over the Graph
 * gateway; failures throw `SyncError`.
 */
export interface OutlookContactFolder {
  /**
   * Every contact of the folder, with its tag: the planner reads a contact missing here as deleted by
   * the user. `shrink`, when given, sees each contact as its page arrives and its result is kept instead.
   */
  listContacts<Listed extends Pick<OutlookContact, 'id'> = OutlookContact>(shrink?: (contact: OutlookContact) => Listed): Promise<(OutlookContact | Listed)[]>;
  /** Creates a contact carrying `tag`; after a lost answer it finds its own item instead of creating a second one. */
  createContact(fields: SyncedContact, tag: string): Promise<OutlookContact>;
  /** PATCHes the changed fields only; refused with `precondition_failed` when `changeKey` is stale. */
  updateContact(outlookId: string, changes: OutlookContactChanges, changeKey: string): Promise<OutlookContact>;
  /** Removes one contact; one already gone is no failure. With `changeKey`, one the user changed since is kept. */
  removeContact(outlookId: string, changeKey?: string): Promise<void>;
}
