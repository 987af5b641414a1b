import type { SyncedContact } from '../../domain/synced-contact';

/**
 * One ERP contact tied to one Outlook contact of the mailbox's folder. The store keeps it as a
 * `LinkRecord` of entity `contact`, field for field (plus the user).
 */
export type ContactLink = {
  erpId: string;
  outlookId: string;
  /** `suppressed`: the user deleted the Outlook copy; it is not recreated until the ERP record changes. */
  state: 'active' | 'suppressed';
  /** The values both sides agreed on after the last sync: the base of the three-way merge. */
  snapshot: SyncedContact;
  /** Consecutive full listings of the ERP scope that missed the record (two remove it). */
  missedListings: number;
  updatedAt: string;
};
