import type { ErpContact } from '../../domain/erp-records';
import type { ContactLink } from './contact-link';
import type { OutlookContact } from './outlook-contact';

/**
 * An ERP record listed without its synced fields: they equal its link's snapshot (`inStepWith` is
 * that snapshot's key) and give the record back exactly. What is left is the record's other members.
 */
export type InStepErpContact = Omit<ErpContact, 'givenName' | 'surname' | 'displayName' | 'companyName' | 'jobTitle' | 'emails' | 'businessPhone' | 'mobilePhone' | 'address' | 'notes'> & {
  inStepWith: string;
};

/**
 * An Outlook item listed without its synced fields: all but its categories equal its link's
 * snapshot (with them too when the snapshot has categories), `inStepWith` being that snapshot's key.
 * Its tag is this environment's and names `erpId`, the link's id string: the tag's text is not kept.
 */
export type InStepOutlookContact = Omit<OutlookContact, 'fields' | 'tag'> & { erpId: string; categories?: string[]; inStepWith: string };

/** A stored link read without its snapshot (nor its time): enough for a record whose both sides are in step with it. */
export type KeyedContactLink = Omit<ContactLink, 'snapshot' | 'updatedAt'> & { snapshotKey: string; managesCategories: boolean };

export type ListedErpContact = ErpContact | InStepErpContact;
export type ListedOutlookContact = OutlookContact | InStepOutlookContact;
export type ListedContactLink = ContactLink | KeyedContactLink;
