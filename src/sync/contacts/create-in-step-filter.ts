import type { ErpContact } from '../../domain/erp-records';
import { parseErpTag } from '../../domain/parse-erp-tag';
import { createSortedLookup, type SortedLookup } from './create-sorted-lookup';
import { projectErpContact } from '../../domain/project-erp-contact';
import type { SyncedContact } from '../../domain/synced-contact';
import type { ContactLink } from './contact-link';
import type { InStepErpContact, InStepOutlookContact, KeyedContactLink, ListedErpContact, ListedOutlookContact } from './listed-contact';
import type { OutlookContact } from './outlook-contact';
import { sameSyncedContact } from './same-synced-contact';
import { syncedContactKey } from './synced-contact-key';

/** The link without its snapshot, keyed: what the run holds of 100,000 links while it lists both sides. */
export function toKeyedContactLink(link: ContactLink): KeyedContactLink {
  // Written out member by member: an object made by rest and spread takes twice the memory.
  return {
    erpId: link.erpId, outlookId: link.outlookId, state: link.state, missedListings: link.missedListings,
    snapshotKey: syncedContactKey(link.snapshot, true), managesCategories: link.snapshot.categories !== undefined,
  };
}

/** Distinct texts kept at once by `shareText`: a listing's times repeat (a batch of creates shares its second), ids do not. */
const sharedTextLimit = 10_000;

/** Gives equal texts back as one string, so 100,000 listed items that share a time hold it once. */
function createTextSharing(): (text: string) => string {
  const texts = new Map<string, string>();
  return (text) => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    if (texts.size >= sharedTextLimit) texts.clear();
    texts.set(text, text);
    return text;
  };
}

/** The record's synced members exactly as its projection has them, so the snapshot gives the record back. */
function isLossless(erp: ErpContact, projected: SyncedContact): boolean {
  return sameSyncedContact(erp, projected, true);
}

export interface InStepFilter {
  /** The record, or only its other members when its synced fields are its link's snapshot. */
  erp(contact: ErpContact): ListedErpContact;
  /** The item, or only its ids and categories when its synced fields are its link's snapshot. */
  outlook(contact: OutlookContact): ListedOutlookContact;
}

/**
 * Shrinks the listings page by page as they arrive: at 100,000 contacts, the records and items in
 * step with their link (almost all of them) keep ids and a key instead of their fields, and
 * `planContactChanges` gives them back from the snapshot when a record turns out to need planning.
 * `links` are the links to compare with: active ones, whose snapshot stays as read for the run.
 */
export function createInStepFilter(links: readonly KeyedContactLink[], environment: string): InStepFilter {
  const byErpId = createSortedLookup(links.filter((link) => link.state === 'active'), (link) => link.erpId);
  const share = createTextSharing();
  return {
    erp(contact) {
      const link = byErpId.get(contact.id);
      if (link === undefined) return contact;
      const projected = projectErpContact(contact, environment).fields;
      if (syncedContactKey(projected, true) !== link.snapshotKey || !isLossless(contact, projected)) return contact;
      // The synced members go: the snapshot gives them back. The others are written out, as above; the
      // link's equal id string is kept rather than a second copy of it.
      const inStep: InStepErpContact = { id: link.erpId, version: contact.version, updatedAt: share(contact.updatedAt), inStepWith: link.snapshotKey };
      if (contact.accountId !== undefined) inStep.accountId = contact.accountId;
      if (contact.ownerId !== undefined) inStep.ownerId = contact.ownerId;
      return inStep;
    },
    outlook(contact) {
      const tag = parseErpTag(contact.tag);
      const link = tag?.environment === environment ? byErpId.get(tag.erpId) : undefined;
      if (link?.outlookId !== contact.id) return contact;
      const { fields } = contact;
      if (syncedContactKey(fields, link.managesCategories) !== link.snapshotKey) return contact;
      const inStep: InStepOutlookContact = { id: link.outlookId, erpId: link.erpId, changeKey: contact.changeKey, lastModifiedDateTime: share(contact.lastModifiedDateTime), inStepWith: link.snapshotKey };
      if (contact.createdDateTime !== undefined) inStep.createdDateTime = share(contact.createdDateTime);
      if (fields.categories !== undefined) inStep.categories = fields.categories;
      return inStep;
    },
  };
}

/** The ERP ids listed in step on both sides: the only links planning may be given without their snapshot. */
export function listedInStepIds(erpContacts: readonly ListedErpContact[], outlookContacts: readonly ListedOutlookContact[]): SortedLookup<string> {
  const erp = createSortedLookup(erpContacts, (contact) => contact.id);
  // An item listed in step is ours and holds its link's id string; every listing of the record must be in step too.
  const inStep = outlookContacts.flatMap((contact) => ('inStepWith' in contact && erp.all(contact.erpId).every((record) => 'inStepWith' in record) && erp.has(contact.erpId) ? [contact.erpId] : []));
  return createSortedLookup(inStep, (erpId) => erpId);
}
