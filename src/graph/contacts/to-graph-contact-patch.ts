import type { Contact } from '@microsoft/microsoft-graph-types';
import type { SyncedContact, SyncedContactField } from '../../domain/synced-contact';
import { syncedContactFields } from '../../domain/synced-contact-fields';
import { type OutlookOnlyParts, toGraphContact } from './to-graph-contact';
import type { OutlookContactChanges } from '../../sync/contacts/outlook-contact-changes';
import { setSyncedField } from '../../sync/contacts/set-synced-field';

/** The Graph property that holds each synced field. */
const graphPropertyOf: Record<SyncedContactField, keyof Contact> = {
  givenName: 'givenName',
  surname: 'surname',
  displayName: 'displayName',
  companyName: 'companyName',
  jobTitle: 'jobTitle',
  emails: 'emailAddresses',
  businessPhone: 'businessPhones',
  mobilePhone: 'mobilePhone',
  address: 'businessAddress',
  notes: 'personalNotes',
  categories: 'categories',
};

function copyProperty<Name extends keyof Contact>(target: Contact, source: Contact, name: Name): void {
  target[name] = source[name];
}

function takeChange<Field extends SyncedContactField>(fields: SyncedContact, changes: OutlookContactChanges, field: Field): void {
  const value = changes[field];
  // `null` clears: left absent, toGraphContact writes null, '' or [] for it.
  if (value !== null && value !== undefined) setSyncedField(fields, field, value);
}

/**
 * The PATCH body for the changed synced fields only, so every other Outlook field stays as the user
 * left it. `current` holds what the ERP has no slot for (the business phones after the first, the
 * names the user gave to email addresses), which the written lists keep.
 *
 * @example toGraphContactPatch({ mobilePhone: null }) // { mobilePhone: null }
 */
export function toGraphContactPatch(changes: OutlookContactChanges, current?: OutlookOnlyParts): Contact {
  const fields: SyncedContact = { emails: [] };
  const changed = syncedContactFields.filter((field) => field in changes);
  for (const field of changed) takeChange(fields, changes, field);
  // Cleared categories are written as an empty list: toGraphContact leaves absent ones untouched.
  if (changes.categories === null) fields.categories = [];
  const full = toGraphContact(fields, current);
  const patch: Contact = {};
  for (const field of changed) copyProperty(patch, full, graphPropertyOf[field]);
  return patch;
}
