import type { ErpContact } from '../../domain/erp-records';
import type { ErpContactChanges } from './erp-contact-changes';

const textFields = ['givenName', 'surname', 'displayName', 'jobTitle', 'businessPhone', 'mobilePhone', 'notes'] as const;

/**
 * The ERP record as an update should leave it, so the plan can give Outlook and the snapshot what
 * the ERP will then project (an email past the third may move into Outlook's slots). An ERP that
 * adds its own touches (a display name composed from the names) shows them on the next run.
 */
export function applyErpContactChanges(erp: ErpContact, changes: ErpContactChanges): ErpContact {
  const updated: ErpContact = { ...erp };
  for (const field of textFields) {
    const value = changes[field];
    if (value !== undefined) updated[field] = value;
  }
  if (changes.address !== undefined) updated.address = changes.address;
  if (changes.emails !== undefined) updated.emails = changes.emails;
  return updated;
}
