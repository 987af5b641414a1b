import type { Address, ContactInput, ErpContact } from '../../../src/domain/erp-records';
import { emptyToNull } from '../empty-to-null';
import type { SqlContactField } from './sql-erp-mapping';

const addressParts = ['street', 'city', 'postalCode', 'state', 'countryOrRegion'] as const;
const textFields = ['givenName', 'surname', 'jobTitle', 'businessPhone', 'mobilePhone', 'notes'] as const;

/** What a write changes in a contact: the fields, and the address parts with their new value. */
export interface SqlContactChanges {
  fields: Set<SqlContactField>;
  addressParts: [keyof Address, string | null][];
}

/**
 * The fields of `contact` whose value differs from `current` (on create, none: every field given a
 * value). An address replaces the whole address, so a part it leaves out is cleared.
 */
export function sqlContactChanges(current: ErpContact | undefined, contact: Partial<ContactInput>): SqlContactChanges {
  const fields = new Set<SqlContactField>();
  for (const field of textFields) {
    const value = contact[field];
    if (value !== undefined && (value || undefined) !== current?.[field]) fields.add(field);
  }
  if (contact.displayName && contact.displayName !== current?.displayName) fields.add('displayName');
  for (const field of ['accountId', 'ownerId'] as const) {
    if (contact[field] !== undefined && contact[field] !== current?.[field]) fields.add(field);
  }
  if (contact.emails !== undefined) {
    const next = [...new Map(contact.emails.map((email) => [email.toLowerCase(), email])).values()];
    if (JSON.stringify(next) !== JSON.stringify(current?.emails ?? [])) fields.add('emails');
  }
  const parts: [keyof Address, string | null][] = [];
  if (contact.address !== undefined) {
    for (const part of addressParts) {
      const value = emptyToNull(contact.address[part]);
      if (value !== (current?.address?.[part] ?? null)) parts.push([part, value]);
    }
    if (parts.length) fields.add('address');
  }
  return { fields, addressParts: parts };
}
