import type { Contact, PhysicalAddress } from '@microsoft/microsoft-graph-types';
import type { Address } from '../../domain/erp-records';
import type { OutlookContactFields } from './outlook-contact-fields';
import { outlookEmailSlots } from './to-graph-contact';

/** Graph writes unset text as null or '' (personalNotes, fileAs): both mean "no value". */
const present = (value: string | null | undefined): string | undefined => (value === null || value === undefined || value === '' ? undefined : value);

/** Graph writes an unset address as `{}` or with null parts: both are no address. */
function toAddress(address: PhysicalAddress | null | undefined): Address | undefined {
  const parts: Address = {
    street: present(address?.street),
    city: present(address?.city),
    postalCode: present(address?.postalCode),
    state: present(address?.state),
    countryOrRegion: present(address?.countryOrRegion),
  };
  return Object.values(parts).some((part) => part !== undefined) ? parts : undefined;
}

/**
 * The synced fields of a Graph contact, named as in `ErpContact`: the first business phone, the
 * business address, up to three emails, the notes, and the categories. Missing values are
 * `undefined` members, which `JSON.stringify` and `toEqual` treat as absent.
 *
 * @example toOutlookContactFields({ givenName: 'Ana', emailAddresses: [{ address: 'ana@acme.test' }] }) // { givenName: 'Ana', emails: ['ana@acme.test'], categories: [] }
 */
export function toOutlookContactFields(contact: Contact): OutlookContactFields {
  return {
    givenName: present(contact.givenName),
    surname: present(contact.surname),
    displayName: present(contact.displayName),
    companyName: present(contact.companyName),
    jobTitle: present(contact.jobTitle),
    emails: (contact.emailAddresses ?? []).flatMap((email) => present(email.address) ?? []).slice(0, outlookEmailSlots),
    businessPhone: present(contact.businessPhones?.[0]),
    mobilePhone: present(contact.mobilePhone),
    address: toAddress(contact.businessAddress),
    notes: present(contact.personalNotes),
    categories: [...(contact.categories ?? [])],
  };
}
