import { compareText } from './compare-text';
import { createSortedLookup } from './create-sorted-lookup';
import type { ListedContactLink, ListedErpContact, ListedOutlookContact } from './listed-contact';
import { listedErpId } from './listed-erp-id';

/** What the listings and the links hold of one ERP id. */
export type ListedRecord = {
  erp: ListedErpContact | undefined;
  link: ListedContactLink | undefined;
  /** Our items carrying the id's tag, as listed (not normalized); more than one are duplicates. */
  copies: readonly ListedOutlookContact[];
};

export type ListedRecords = {
  /** Every ERP id listed, linked or tagged in the folder, in code-point order. */
  erpIds: string[];
  /** The parts of one of those ids. */
  recordOf(erpId: string): ListedRecord;
  /** Items without our environment's tag: the user's own contacts and other environments' items. */
  untouched: number;
};

/**
 * The listings and links grouped by ERP id, each searched in a sorted copy: at 100,000 contacts, a
 * map per listing and an entry or array per id would hold some 20 MB more while the plan is made.
 * A listing that names a record twice keeps its newest version (the first of equal ones), links
 * the last given. Only items with this environment's tag are ours.
 */
export function indexListedRecords(
  erpContacts: readonly ListedErpContact[],
  links: readonly ListedContactLink[],
  outlookContacts: readonly ListedOutlookContact[],
  environment: string,
): ListedRecords {
  const erp = createSortedLookup(erpContacts, (contact) => contact.id);
  const linked = createSortedLookup(links, (link) => link.erpId);
  const ours = outlookContacts.filter((contact) => listedErpId(contact, environment) !== undefined);
  const tagged = createSortedLookup(ours, (contact) => listedErpId(contact, environment) ?? '');
  const allIds = [...erpContacts.map((contact) => contact.id), ...links.map((link) => link.erpId), ...ours.map((contact) => listedErpId(contact, environment) ?? '')];
  const erpIds = allIds.sort(compareText).filter((erpId, index) => erpId !== allIds[index - 1]);
  return {
    erpIds,
    recordOf(erpId) {
      const newest = erp.all(erpId).reduce<ListedErpContact | undefined>((kept, contact) => (kept === undefined || contact.version > kept.version ? contact : kept), undefined);
      return { erp: newest, link: linked.get(erpId), copies: tagged.all(erpId) };
    },
    untouched: outlookContacts.length - ours.length,
  };
}
