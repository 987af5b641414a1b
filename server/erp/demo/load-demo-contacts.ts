import type { Kysely, Selectable } from 'kysely';
import { erpContactSchema, type ErpContact } from '../../../src/domain/erp-records';
import { omitUndefined } from '../omit-undefined';
import { addressFromColumns } from './address-columns';
import type { ContactTable, DemoErpDatabase } from './demo-erp-database';

export type DemoContactRow = Selectable<ContactTable> & { company_name: string | null };

/** Contacts with their company name: the one query of a search or a read, to narrow and order. */
export function selectDemoContacts(db: Kysely<DemoErpDatabase>) {
  return db.selectFrom('contacts as c').leftJoin('accounts as a', 'a.id', 'c.account_id').selectAll('c').select('a.name as company_name');
}

/** Contacts by id, in the order asked: two queries whatever the count. */
export async function loadDemoContacts(db: Kysely<DemoErpDatabase>, ids: readonly number[]): Promise<ErpContact[]> {
  if (!ids.length) return [];
  const rows = await selectDemoContacts(db).where('c.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return toErpContacts(
    db,
    ids.flatMap((id) => byId.get(id) ?? []),
  );
}

/** Turns rows into records, reading the emails of all of them in one query. */
export async function toErpContacts(db: Kysely<DemoErpDatabase>, rows: readonly DemoContactRow[]): Promise<ErpContact[]> {
  if (!rows.length) return [];
  const emailRows = await db
    .selectFrom('contact_emails')
    .select(['contact_id', 'email'])
    .where(
      'contact_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('contact_id')
    .orderBy('position')
    .execute();
  const emails = new Map<number, string[]>();
  for (const row of emailRows) {
    const list = emails.get(row.contact_id);
    if (list) list.push(row.email);
    else emails.set(row.contact_id, [row.email]);
  }
  return rows.map((row) =>
    omitUndefined<ErpContact>({
      id: String(row.id),
      givenName: row.given_name ?? undefined,
      surname: row.surname ?? undefined,
      displayName: row.display_name,
      jobTitle: row.job_title ?? undefined,
      accountId: row.account_id === null ? undefined : String(row.account_id),
      companyName: row.company_name ?? undefined,
      emails: emails.get(row.id) ?? [],
      businessPhone: row.business_phone ?? undefined,
      mobilePhone: row.mobile_phone ?? undefined,
      address: addressFromColumns(row),
      notes: row.notes ?? undefined,
      ownerId: row.owner_id === null ? undefined : String(row.owner_id),
      updatedAt: row.updated_at,
      fieldUpdatedAt: readFieldTimes(row.field_updated_at),
      version: row.version,
    }),
  );
}

const fieldTimesSchema = erpContactSchema.shape.fieldUpdatedAt;

/** A column that does not read as field times is read as none: `updatedAt` then stands for every field. */
function readFieldTimes(column: string | null): ErpContact['fieldUpdatedAt'] {
  if (column === null) return undefined;
  try {
    return fieldTimesSchema.safeParse(JSON.parse(column)).data;
  } catch {
    return undefined;
  }
}
