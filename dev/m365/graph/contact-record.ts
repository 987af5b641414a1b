import type { Contact, ContactFolder } from '@microsoft/microsoft-graph-types';

/** The contact properties a client may write; the rest (ids, dates, change key) the mailbox sets. */
export type ContactFields = Omit<
  Contact,
  | 'id'
  | 'changeKey'
  | 'createdDateTime'
  | 'lastModifiedDateTime'
  | 'parentFolderId'
  | 'extensions'
  | 'multiValueExtendedProperties'
  | 'photo'
  | 'singleValueExtendedProperties'
>;

/** One stored single-value extended property; `id` keeps the spelling it was first written with. */
export interface StoredExtendedProperty {
  id: string;
  value: string;
}

export interface ContactRecord {
  immutableId: string;
  restId: string;
  folderId: string;
  fields: ContactFields;
  /** Keyed by `ExtendedPropertyId.key`. */
  extendedProperties: Map<string, StoredExtendedProperty>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
}

export interface ContactFolderRecord extends Required<Pick<ContactFolder, 'id'>> {
  displayName: string;
  parentFolderId: string;
}

/** A validated create or update request. */
export interface ContactInput {
  fields: ContactFields;
  extendedProperties: readonly { key: string; id: string; value: string }[];
}
