import type { Contact, PhysicalAddress } from '@microsoft/microsoft-graph-types';
import type { Address } from '../../domain/erp-records';
import type { OutlookContactFields } from './outlook-contact-fields';

/** Exchange keeps three email slots; a longer list is refused, so the rest stay in the ERP only. */
export const outlookEmailSlots = 3;

/** Every part written, empty ones as null, so a PATCH clears what the ERP cleared. */
function toPhysicalAddress(address: Address | undefined): PhysicalAddress {
  return {
    street: address?.street ?? null,
    city: address?.city ?? null,
    state: address?.state ?? null,
    postalCode: address?.postalCode ?? null,
    countryOrRegion: address?.countryOrRegion ?? null,
  };
}

/** What a PATCH of synced fields must carry over from the item: the parts the ERP has no slot for. */
export type OutlookOnlyParts = Pick<Contact, 'businessPhones' | 'emailAddresses'>;

/** The names the user gave to email addresses, by address (any case). */
function namesByAddress(current: OutlookOnlyParts | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const email of current?.emailAddresses ?? []) if (email.address && email.name) names.set(email.address.toLowerCase(), email.name);
  return names;
}

/**
 * The Graph body (create or PATCH) for the synced fields. Every synced field is written, absent
 * ones as null, so the Outlook copy matches; fields we do not sync are left out, so a PATCH never
 * touches them. `current` keeps what the ERP has no slot for: the business phones after the first,
 * and the names the user gave to email addresses that stay.
 *
 * @example toGraphContact({ givenName: 'Ana', emails: ['ana@acme.test'] }).emailAddresses // [{ address: 'ana@acme.test', name: 'Ana' }]
 */
export function toGraphContact(fields: OutlookContactFields, current?: OutlookOnlyParts): Contact {
  const shownName = fields.displayName ?? ([fields.givenName, fields.surname].filter(Boolean).join(' ') || undefined);
  const otherBusinessPhones = current?.businessPhones?.slice(1) ?? [];
  const userNames = namesByAddress(current);
  return {
    givenName: fields.givenName ?? null,
    surname: fields.surname ?? null,
    displayName: fields.displayName ?? null,
    companyName: fields.companyName ?? null,
    jobTitle: fields.jobTitle ?? null,
    emailAddresses: fields.emails.slice(0, outlookEmailSlots).map((address) => ({ address, name: userNames.get(address.toLowerCase()) ?? shownName ?? address })),
    businessPhones: fields.businessPhone ? [fields.businessPhone, ...otherBusinessPhones] : otherBusinessPhones,
    mobilePhone: fields.mobilePhone ?? null,
    businessAddress: toPhysicalAddress(fields.address),
    personalNotes: fields.notes ?? '',
    ...(fields.categories === undefined ? {} : { categories: fields.categories }),
  };
}
