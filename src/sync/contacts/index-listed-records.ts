import { compareText } from './compare-text';
import { createSortedLookup } from './create-sorted-lookup';
import type { ListedContactLink, ListedErpContact, ListedOutlookContact } from './listed-contact';
import { listedErpId } from './listed-erp-id';

/** What the listings and the links hold of one ERP id. */
export type ListedRecord = {
  erpId: string;
  erp: ListedErpContact | undefined;
  link: ListedContactLink | undefined;
  /** Our items carrying the id's tag, as listed (not normalized); more than one are duplicates. */
  copies: readonly ListedOutlookContact[];
};

export type ListedRecords = {
  /** Every ERP id listed, linked or tagged in the folder, in code-point order, with its parts. */
  records(): Generator<ListedRecord>;
  /** Items without our environment's tag: the user's own contacts and other environments' items. */
  untouched: number;
};

/** Walks a list sorted by key: `take(key)` gives the items with that key, which must not be below the last key asked. */
function walkSorted<Item>(sorted: readonly Item[], keyOf: (item: Item) => string): { next(): string | undefined; take(key: string): Item[] } {
  let position = 0;
  return {
    next: () => {
      const item = sorted[position];
      return item === undefined ? undefined : keyOf(item);
    },
    take: (key) => {
      const taken: Item[] = [];
      for (let item = sorted[position]; item !== undefined && keyOf(item) === key; item = sorted[position]) {
        taken.push(item);
        position += 1;
      }
      return taken;
    },
  };
}

/**
 * The listings and links grouped by ERP id, walking sorted copies of them side by side: at 100,000
 * contacts, a map per listing and an entry or array per id would hold some 20 MB more while the plan
 * is made. A listing that names a record twice keeps its newest version (the first of equal ones),
 * links the last given. Only items with this environment's tag are ours.
 */
export function indexListedRecords(
  erpContacts: readonly ListedErpContact[],
  links: readonly ListedContactLink[],
  outlookContacts: readonly ListedOutlookContact[],
  environment: string,
): ListedRecords {
  const ours = outlookContacts.filter((contact) => listedErpId(contact, environment) !== undefined);
  const taggedIdOf = (contact: ListedOutlookContact) => listedErpId(contact, environment) ?? '';
  return {
    *records() {
      const erp = walkSorted(createSortedLookup(erpContacts, (contact) => contact.id).sorted, (contact) => contact.id);
      const linked = walkSorted(createSortedLookup(links, (link) => link.erpId).sorted, (link) => link.erpId);
      const tagged = walkSorted(createSortedLookup(ours, taggedIdOf).sorted, taggedIdOf);
      for (;;) {
        const erpId = [erp.next(), linked.next(), tagged.next()].reduce<string | undefined>((lowest, key) => (key !== undefined && (lowest === undefined || compareText(key, lowest) < 0) ? key : lowest), undefined);
        if (erpId === undefined) return;
        const newest = erp.take(erpId).reduce<ListedErpContact | undefined>((kept, contact) => (kept === undefined || contact.version > kept.version ? contact : kept), undefined);
        yield { erpId, erp: newest, link: linked.take(erpId).at(-1), copies: tagged.take(erpId) };
      }
    },
    untouched: outlookContacts.length - ours.length,
  };
}
