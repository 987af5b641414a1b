import type { ErpContact } from '../../../src/domain/erp-records';
import { composeDisplayName } from '../compose-display-name';
import { omitUndefined } from '../omit-undefined';
import { readAddress } from './sql-address-columns';
import { readId, readInstant, readText, readVersion } from './sql-column-values';
import type { SqlErpMapping } from './sql-erp-mapping';

/** Old ERPs keep "n/a" or a phone number in an email column: only addresses that look like one are synced. */
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** A row of `selectSqlContacts` as our record. */
export function readSqlContact(mapping: SqlErpMapping['contacts'], row: Record<string, unknown>): ErpContact {
  const emails = mapping.emails.flatMap((_, index) => {
    const email = readText(row[`email${index}`]);
    return email && EMAIL.test(email) ? [email] : [];
  });
  const givenName = readText(row.givenName);
  const surname = readText(row.surname);
  const updatedAt = readInstant(row.updatedAt) ?? new Date(0).toISOString();
  return omitUndefined<ErpContact>({
    id: readId(row.id) ?? '',
    givenName,
    surname,
    displayName: readText(row.displayName) ?? composeDisplayName(givenName, surname) ?? emails[0] ?? '',
    jobTitle: readText(row.jobTitle),
    accountId: readId(row.accountId),
    companyName: readText(row.companyName),
    emails: [...new Map(emails.map((email) => [email.toLowerCase(), email])).values()],
    businessPhone: readText(row.businessPhone),
    mobilePhone: readText(row.mobilePhone),
    address: readAddress(row),
    notes: readText(row.notes),
    ownerId: readId(row.ownerId),
    updatedAt,
    version: readVersion(row.version, updatedAt),
  });
}
