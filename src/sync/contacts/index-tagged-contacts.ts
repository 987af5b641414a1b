import { parseErpTag } from '../../domain/parse-erp-tag';
import type { ListedOutlookContact } from './listed-contact';

export type TaggedContacts = {
  /** Our items by ERP id, as listed (not normalized); more than one under an id are duplicates. */
  byErpId: Map<string, ListedOutlookContact[]>;
  /** Items without our environment's tag: the user's own contacts and other environments' items. */
  untouched: number;
};

/** The folder's items that carry this environment's tag. Only these are ever written or removed. */
export function indexTaggedContacts(outlookContacts: readonly ListedOutlookContact[], environment: string): TaggedContacts {
  const byErpId = new Map<string, ListedOutlookContact[]>();
  let untouched = 0;
  for (const contact of outlookContacts) {
    const tag = parseErpTag(contact.tag);
    if (tag?.environment !== environment) {
      untouched += 1;
      continue;
    }
    const copies = byErpId.get(tag.erpId) ?? [];
    copies.push(contact);
    byErpId.set(tag.erpId, copies);
  }
  return { byErpId, untouched };
}
