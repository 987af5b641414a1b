import type { ErpContact } from './erp-records';
import { formatErpTag } from './format-erp-tag';
import { normalizeSyncedContact } from './normalize-synced-contact';
import type { SyncedContact } from './synced-contact';

/** What an ERP contact should look like in Outlook: the item's tag and its synced fields. */
export interface ProjectedErpContact {
  /** `<environment>:<erpId>`, written once as the item's extended property. */
  tag: string;
  fields: SyncedContact;
}

/**
 * The Outlook copy of an ERP contact, normalized. Emails past the third distinct one stay in the
 * ERP only (Outlook has three slots; the first is the primary). `ErpContact` carries no categories
 * today, so they are left out and the user's own categories stay; an ERP that adds them manages them.
 *
 * @example projectErpContact(erpContact, 'acme') // { tag: 'acme:C-1001', fields: { givenName: 'José', emails: ['jose@…', …], … } }
 */
export function projectErpContact(erp: ErpContact & { categories?: string[] }, environment: string): ProjectedErpContact {
  const fields: SyncedContact = {
    givenName: erp.givenName,
    surname: erp.surname,
    displayName: erp.displayName,
    companyName: erp.companyName,
    jobTitle: erp.jobTitle,
    emails: erp.emails,
    businessPhone: erp.businessPhone,
    mobilePhone: erp.mobilePhone,
    address: erp.address,
    notes: erp.notes,
    categories: erp.categories,
  };
  return { tag: formatErpTag(environment, erp.id), fields: normalizeSyncedContact(fields) };
}
