import { distinctEmails } from '../../domain/distinct-emails';
import type { ErpContact } from '../../domain/erp-records';
import { outlookEmailSlots } from '../../domain/outlook-email-slots';
import type { SyncedContact } from '../../domain/synced-contact';
import type { ErpContactChanges } from './erp-contact-changes';
import { sameFieldValue } from './same-field-value';

const textFields = ['givenName', 'surname', 'displayName', 'jobTitle', 'businessPhone', 'mobilePhone', 'notes'] as const;

/**
 * The ERP writes that bring the record from its projection (`current`) to `target`, in
 * `ContactPatch` terms: `''` clears a text, `{}` the address. The emails Outlook has no slot for are
 * kept after the ones Outlook shows, so an edit in Outlook never drops them from the ERP.
 * `targetEmails` may hold more than Outlook's three (what each side added, merged).
 */
export function diffErpFields(erp: ErpContact, current: SyncedContact, target: SyncedContact, targetEmails: readonly string[] = target.emails): ErpContactChanges {
  const changes: ErpContactChanges = {};
  for (const field of textFields) {
    if (!sameFieldValue(current[field], target[field])) changes[field] = target[field] ?? '';
  }
  if (!sameFieldValue(current.address, target.address)) changes.address = target.address ?? {};
  const wanted = distinctEmails(targetEmails);
  if (!sameFieldValue(current.emails, wanted)) {
    const beyondOutlook = distinctEmails(erp.emails).slice(outlookEmailSlots);
    changes.emails = distinctEmails([...wanted, ...beyondOutlook]);
  }
  return changes;
}
