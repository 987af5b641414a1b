import type { SyncedContact } from '../../domain/synced-contact';
import type { ContactConflict } from './contact-conflict';
import type { ContactLink } from './contact-link';
import type { ErpContactChanges } from './erp-contact-changes';
import type { OutlookContactChanges } from './outlook-contact-changes';

/**
 * One step of a contact plan. The operations of one `erpId` run in plan order, and the first one
 * that fails skips the rest of that `erpId` (its link then keeps its old snapshot, which the next
 * run merges from safely). Operations of different `erpId`s are independent.
 */
export type ContactOperation =
  /** Several Outlook items carry the same tag: keep one, remove the others. */
  | { kind: 'deduplicate'; erpId: string; keepOutlookId: string; remove: { outlookId: string; changeKey: string }[] }
  /** An Outlook item carrying our tag is not linked (a crashed create, a lost store, a restored item): link it, do not recreate it. */
  | { kind: 'adopt'; erpId: string; outlookId: string; link: ContactLink }
  /** Create the Outlook copy, then save `link` with the created item's id. */
  | { kind: 'createInOutlook'; erpId: string; tag: string; fields: SyncedContact; link: Omit<ContactLink, 'outlookId'> }
  /** Two-way only: write the changed fields to the ERP, refused if the record moved past `version`. */
  | { kind: 'updateInErp'; erpId: string; version: number; changes: ErpContactChanges }
  /** Write the changed synced fields only; every other Outlook field stays as the user left it. */
  | { kind: 'updateInOutlook'; erpId: string; outlookId: string; changeKey: string; changes: OutlookContactChanges }
  /** The ERP record left the scope (missed by two listings) or was deleted (tombstone): remove the copy, then the link. */
  | { kind: 'removeFromOutlook'; erpId: string; outlookId: string; changeKey: string; reason: 'left-scope' | 'tombstone' }
  /** The user deleted the Outlook copy: save `link` as suppressed. The ERP record is never deleted. */
  | { kind: 'suppress'; erpId: string; link: ContactLink }
  /** Record a conflict: `open` waits for the user, `resolved` says which side won. */
  | { kind: 'conflict'; erpId: string; conflict: ContactConflict }
  /** Save the link after the writes before it succeeded (new snapshot, listing misses). */
  | { kind: 'saveLink'; erpId: string; link: ContactLink }
  /** Both sides are gone (ERP tombstone, no Outlook copy): forget the link. */
  | { kind: 'unlink'; erpId: string };

export type ContactOperationKind = ContactOperation['kind'];
