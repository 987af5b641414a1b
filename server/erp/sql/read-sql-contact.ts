import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ErpContact } from '../../../src/domain/erp-records';
import { composeDisplayName } from '../compose-display-name';
import { omitUndefined } from '../omit-undefined';
import { readAddress } from './sql-address-columns';
import { idParameter, readId, readText, readVersion } from './sql-column-values';
import { loadSqlChildEmails, readSqlEmails } from './sql-contact-emails';
import type { SqlErpContext, SqlErpDatabase } from './sql-erp-context';
import type { SqlContactsMapping } from './sql-erp-mapping';
import { splitSqlFullName } from './sql-full-name';
import { readSqlTimestamp } from './sql-zoned-timestamp';

/** A row of `selectSqlContacts` as our record; `emailCells` are its email columns or child rows, in order. */
export function readSqlContact(mapping: SqlContactsMapping, row: Record<string, unknown>, emailCells: readonly unknown[]): ErpContact {
  const emails = readSqlEmails(emailCells);
  const names = mapping.fullName ? splitSqlFullName(mapping.fullName.format, readText(row.fullName)) : { givenName: readText(row.givenName), surname: readText(row.surname) };
  const updatedAt = readSqlTimestamp(row.updatedAt, mapping.updatedAtTimeZone) ?? new Date(0).toISOString();
  const fields = omitUndefined<Omit<ErpContact, 'updatedAt' | 'version'>>({
    id: readId(row.id) ?? '',
    givenName: names.givenName,
    surname: names.surname,
    displayName: readText(row.displayName) ?? composeDisplayName(names.givenName, names.surname) ?? emails[0] ?? '',
    jobTitle: readText(row.jobTitle),
    accountId: readId(row.accountId),
    companyName: readText(row.companyName),
    emails,
    businessPhone: readText(row.businessPhone),
    mobilePhone: readText(row.mobilePhone),
    address: readAddress(row),
    notes: readText(row.notes),
    ownerId: readId(row.ownerId),
  });
  // Without a version column, a content hash: an edit that leaves the modification column alone still moves it.
  const version = mapping.version === undefined && mapping.changeDetection === 'contentHash' ? contentVersion(fields) : readVersion(row.version, updatedAt);
  return { ...fields, updatedAt, version };
}

/** Rows of `selectSqlContacts` as records, with the child email rows of all of them read in one query. */
export async function readSqlContactRows(context: SqlErpContext, db: Kysely<SqlErpDatabase>, rows: readonly Record<string, unknown>[]): Promise<ErpContact[]> {
  const mapping = context.mapping.contacts;
  if (!mapping.emailTable) return rows.map((row) => readSqlContact(mapping, row, mapping.emails.map((_, index) => row[`email${index}`])));
  const keys = rows.flatMap((row) => {
    const key = idParameter(mapping.id, readId(row.id) ?? '');
    return key === undefined ? [] : [key];
  });
  const children = await loadSqlChildEmails(context, db, keys);
  return rows.map((row) => readSqlContact(mapping, row, (children.get(readId(row.id) ?? '') ?? []).map((child) => child.email)));
}

/** 48 bits of a SHA-256 of the record's fields: an integer version that changes when its content does. */
function contentVersion(fields: object): number {
  return createHash('sha256').update(JSON.stringify(fields)).digest().readUIntBE(0, 6);
}
