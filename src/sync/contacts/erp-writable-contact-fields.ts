import type { SyncedContactField } from '../../domain/synced-contact';

/**
 * The synced fields an Outlook edit may write back to the ERP (`ContactPatch`). The others follow the
 * ERP: the company comes from the contact's ERP account, and the ERP has no categories to write.
 */
export const erpWritableContactFields: ReadonlySet<SyncedContactField> = new Set<SyncedContactField>([
  'givenName',
  'surname',
  'displayName',
  'jobTitle',
  'emails',
  'businessPhone',
  'mobilePhone',
  'address',
  'notes',
]);
