import { erpIdPropertyId } from '../erp-id-property';
import type { GraphContact } from './graph-contact';
import { toOutlookContactFields } from './to-outlook-contact-fields';
import { normalizeSyncedContact } from '../../domain/normalize-synced-contact';
import type { OutlookContact } from '../../sync/contacts/outlook-contact';

/** The ERP id property as written, or undefined on the user's own contacts; Graph matches property ids ignoring case. */
function readTag(contact: GraphContact): string | undefined {
  const property = contact.singleValueExtendedProperties?.find((candidate) => candidate.id?.toLowerCase() === erpIdPropertyId.toLowerCase());
  return typeof property?.value === 'string' ? property.value : undefined;
}

/** A Graph contact read with the ERP id `$expand`, as the engine sees it: ids, tag and synced fields. */
export function toOutlookContact(contact: GraphContact): OutlookContact {
  const tag = readTag(contact);
  return {
    id: contact.id ?? '',
    changeKey: contact.changeKey ?? '',
    ...(tag === undefined ? {} : { tag }),
    fields: normalizeSyncedContact(toOutlookContactFields(contact)),
    lastModifiedDateTime: contact.lastModifiedDateTime ?? '',
    ...(contact.createdDateTime ? { createdDateTime: contact.createdDateTime } : {}),
  };
}
