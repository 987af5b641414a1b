import { parseErpTag } from '../../domain/parse-erp-tag';
import type { ListedContactLink, ListedErpContact, ListedOutlookContact } from './listed-contact';

/** What the listings and the links hold of one ERP id. */
export type ListedRecord = {
  erp: ListedErpContact | undefined;
  link: ListedContactLink | undefined;
  /** Our items carrying the id's tag, as listed (not normalized); more than one are duplicates. */
  copies: ListedOutlookContact[];
};

export type ListedRecords = {
  /** Every ERP id listed, linked or tagged in the folder, with its parts. */
  byErpId: Map<string, ListedRecord>;
  /** Items without our environment's tag: the user's own contacts and other environments' items. */
  untouched: number;
};

/**
 * The listings and links grouped by ERP id, one entry per id: at 100,000 contacts, a map per
 * listing and an array per id would hold some 30 MB more while the plan is made. A listing that
 * names a record twice keeps its newest version. Only items with this environment's tag are ours.
 */
export function indexListedRecords(
  erpContacts: readonly ListedErpContact[],
  links: readonly ListedContactLink[],
  outlookContacts: readonly ListedOutlookContact[],
  environment: string,
): ListedRecords {
  const byErpId = new Map<string, ListedRecord>();
  const recordOf = (erpId: string) => {
    let record = byErpId.get(erpId);
    if (record === undefined) {
      record = { erp: undefined, link: undefined, copies: [] };
      byErpId.set(erpId, record);
    }
    return record;
  };
  for (const contact of erpContacts) {
    const record = recordOf(contact.id);
    if (record.erp === undefined || contact.version > record.erp.version) record.erp = contact;
  }
  for (const link of links) recordOf(link.erpId).link = link;
  let untouched = 0;
  for (const contact of outlookContacts) {
    const tag = parseErpTag(contact.tag);
    if (tag?.environment !== environment) {
      untouched += 1;
      continue;
    }
    const record = recordOf(tag.erpId);
    // An array made for one item, grown only for duplicates: an empty one pushed to reserves 17 slots.
    if (record.copies.length === 0) record.copies = [contact];
    else record.copies.push(contact);
  }
  return { byErpId, untouched };
}
