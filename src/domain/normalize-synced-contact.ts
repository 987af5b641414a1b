import type { Address } from './erp-records';
import { distinctEmails } from './distinct-emails';
import { outlookEmailSlots } from './outlook-email-slots';
import type { SyncedContact } from './synced-contact';

function presentText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Outlook answers notes with CRLF line ends; the ERP stores LF. Both mean the same notes. */
function presentNotes(value: string | undefined): string | undefined {
  return presentText(value?.replace(/\r\n?/g, '\n'));
}

function presentAddress(address: Address | undefined): Address | undefined {
  const parts: Address = {};
  const street = presentText(address?.street);
  const city = presentText(address?.city);
  const postalCode = presentText(address?.postalCode);
  const state = presentText(address?.state);
  const countryOrRegion = presentText(address?.countryOrRegion);
  if (street !== undefined) parts.street = street;
  if (city !== undefined) parts.city = city;
  if (postalCode !== undefined) parts.postalCode = postalCode;
  if (state !== undefined) parts.state = state;
  if (countryOrRegion !== undefined) parts.countryOrRegion = countryOrRegion;
  return Object.keys(parts).length ? parts : undefined;
}

/** Outlook category names ignore case and have no order that matters; sorted by code point, not locale. */
function presentCategories(categories: readonly string[]): string[] {
  const distinct = new Map<string, string>();
  for (const category of categories) {
    const trimmed = category.trim();
    if (trimmed && !distinct.has(trimmed.toLowerCase())) distinct.set(trimmed.toLowerCase(), trimmed);
  }
  return [...distinct.values()].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
}

/**
 * The one shape both sides are compared in: text trimmed and `''` absent, at most three distinct
 * emails, an address without empty parts, categories distinct and sorted, no `undefined` keys.
 * Idempotent: normalizing twice changes nothing.
 *
 * @example normalizeSyncedContact({ givenName: ' Ana ', surname: '', emails: ['a@x.test', 'A@x.test'] }) // { givenName: 'Ana', emails: ['a@x.test'] }
 */
export function normalizeSyncedContact(contact: SyncedContact): SyncedContact {
  const normalized: SyncedContact = { emails: distinctEmails(contact.emails).slice(0, outlookEmailSlots) };
  const givenName = presentText(contact.givenName);
  const surname = presentText(contact.surname);
  const displayName = presentText(contact.displayName);
  const companyName = presentText(contact.companyName);
  const jobTitle = presentText(contact.jobTitle);
  const businessPhone = presentText(contact.businessPhone);
  const mobilePhone = presentText(contact.mobilePhone);
  const address = presentAddress(contact.address);
  const notes = presentNotes(contact.notes);
  if (givenName !== undefined) normalized.givenName = givenName;
  if (surname !== undefined) normalized.surname = surname;
  if (displayName !== undefined) normalized.displayName = displayName;
  if (companyName !== undefined) normalized.companyName = companyName;
  if (jobTitle !== undefined) normalized.jobTitle = jobTitle;
  if (businessPhone !== undefined) normalized.businessPhone = businessPhone;
  if (mobilePhone !== undefined) normalized.mobilePhone = mobilePhone;
  if (address !== undefined) normalized.address = address;
  if (notes !== undefined) normalized.notes = notes;
  if (contact.categories !== undefined) normalized.categories = presentCategories(contact.categories);
  return normalized;
}
