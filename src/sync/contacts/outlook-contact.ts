import type { SyncedContact } from '../../domain/synced-contact';

/** A contact of the synced folder as the engine sees it: ids, the bridge's tag, the synced fields only. */
export type OutlookContact = {
  /** The immutable id (`Prefer: IdType="ImmutableId"`). */
  id: string;
  /** Sent back with a write so a contact the user changed since the listing is not overwritten. */
  changeKey: string;
  /** The `<environment>:<erpId>` extended property; absent on the user's own contacts. */
  tag?: string;
  fields: SyncedContact;
  lastModifiedDateTime: string;
  createdDateTime?: string;
};
