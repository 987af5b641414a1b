import type { Contact } from '@microsoft/microsoft-graph-types';
import { erpIdPropertyId } from '../erp-id-property';
import type { GraphContact } from './graph-contact';

/**
 * The writable properties of Graph's contact resource (v1.0): everything a user can set in Outlook
 * but the photo, which Graph keeps apart (`/photo/$value`). Server-set ones (ids, change key, dates,
 * folder) are left out, as Graph refuses or ignores them on create.
 */
const writableProperties = [
  'assistantName', 'birthday', 'businessAddress', 'businessHomePage', 'businessPhones', 'categories', 'children', 'companyName',
  'department', 'displayName', 'emailAddresses', 'fileAs', 'generation', 'givenName', 'homeAddress', 'homePhones', 'imAddresses',
  'initials', 'jobTitle', 'manager', 'middleName', 'mobilePhone', 'nickName', 'officeLocation', 'otherAddress', 'personalNotes',
  'profession', 'spouseName', 'surname', 'title', 'yomiCompanyName', 'yomiGivenName', 'yomiSurname',
] as const satisfies readonly (keyof Contact)[];

/**
 * The body that creates an exact copy of `contact` in another folder: every writable property it
 * has, and its ERP tag, so the copy is the same synced contact.
 *
 * @example toContactCopy(await getContact(client, mailbox, id), 'contoso:C-1001')
 */
export function toContactCopy(contact: GraphContact, tag: string): Contact {
  const copy: Record<string, unknown> = {};
  for (const property of writableProperties) if (contact[property] !== undefined) copy[property] = contact[property];
  return { ...copy, singleValueExtendedProperties: [{ id: erpIdPropertyId, value: tag }] };
}
