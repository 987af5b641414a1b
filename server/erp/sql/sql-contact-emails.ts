import { sql, type Kysely } from 'kysely';
import { readId, readText } from './sql-column-values';
import type { SqlErpContext, SqlErpDatabase } from './sql-erp-context';

/** Old ERPs keep "n/a", a phone number or two addresses in an email cell: only cells that hold one address are read. */
const EMAIL = /^[^@\s,;]+@[^@\s,;]+$/;

/** Whether the bridge reads a cell as an email, and so may write it. */
export function isReadableEmail(value: unknown): boolean {
  const text = readText(value);
  return text === undefined || EMAIL.test(text);
}

/** The emails of raw cells in order: readable ones, each address once (whatever its case), at most ten. */
export function readSqlEmails(cells: readonly unknown[]): string[] {
  const emails = cells.flatMap((cell) => {
    const email = readText(cell);
    return email && EMAIL.test(email) ? [email] : [];
  });
  return [...new Map(emails.map((email) => [email.toLowerCase(), email])).values()].slice(0, 10);
}

function distinct(emails: readonly string[]): string[] {
  return [...new Map(emails.map((email) => [email.toLowerCase(), email])).values()];
}

/**
 * Values for email columns: the emails fill, in order, the columns the bridge could read (empty or
 * one address); a column holding something else ("a@x.es; b@x.es") is left as it is. Only columns
 * whose value changes are returned. `cells` are the current values, none on create.
 */
export function sqlEmailColumnValues(columns: readonly string[], cells: readonly unknown[] | undefined, emails: readonly string[]): Record<string, string | null> {
  const writable = columns.filter((_, index) => isReadableEmail(cells?.[index]));
  const next = distinct(emails);
  const values: Record<string, string | null> = {};
  writable.forEach((column, slot) => {
    const index = columns.indexOf(column);
    const wanted = next[slot] ?? null;
    if ((readText(cells?.[index]) ?? null) !== wanted) values[column] = wanted;
  });
  return values;
}

/** A row of a child email table. */
export interface SqlChildEmail {
  email: unknown;
  order: unknown;
}

/** The child email rows of contacts, in their order, by contact id. */
export async function loadSqlChildEmails(context: SqlErpContext, db: Kysely<SqlErpDatabase>, keys: readonly (string | number)[]): Promise<Map<string, SqlChildEmail[]>> {
  const table = context.mapping.contacts.emailTable;
  const byContact = new Map<string, SqlChildEmail[]>();
  if (!table || !keys.length) return byContact;
  const rows = await db
    .selectFrom(table.table)
    .select([sql.ref(table.contactId).as('contactId'), sql.ref(table.email).as('email'), ...(table.order ? [sql.ref(table.order).as('order')] : [])])
    .where(sql.ref(table.contactId), 'in', keys)
    .orderBy(sql.ref(table.contactId))
    .$if(table.order !== undefined, (query) => query.orderBy(sql.ref(table.order ?? table.email)))
    .orderBy(sql.ref(table.email))
    .execute();
  for (const row of rows) {
    const id = readId(row.contactId) ?? '';
    const list = byContact.get(id) ?? [];
    list.push({ email: row.email, order: row.order });
    byContact.set(id, list);
  }
  return byContact;
}

/**
 * Makes a contact's child rows hold `emails` in order with the fewest writes: removes the rows of
 * emails that went, adds the new ones, renumbers those that moved. Rows the bridge could not read
 * stay as they are. Returns whether anything was written.
 */
export async function writeSqlChildEmails(context: SqlErpContext, db: Kysely<SqlErpDatabase>, key: string | number, current: readonly SqlChildEmail[], emails: readonly string[]): Promise<boolean> {
  const table = context.mapping.contacts.emailTable;
  if (!table) return false;
  const next = distinct(emails);
  const wanted = new Map(next.map((email, index) => [email.toLowerCase(), { email, order: index + 1 }]));
  const readable = new Map<string, SqlChildEmail>();
  for (const row of current) {
    const email = readText(row.email);
    if (email && isReadableEmail(email) && !readable.has(email.toLowerCase())) readable.set(email.toLowerCase(), row);
  }
  const ofContact = (lower: string) => sql<boolean>`${sql.ref(table.contactId)} = ${key} and lower(${sql.ref(table.email)}) = ${lower}`;
  let written = false;
  for (const lower of readable.keys()) {
    if (wanted.has(lower)) continue;
    await db.deleteFrom(table.table).where(ofContact(lower)).execute();
    written = true;
  }
  for (const [lower, { email, order }] of wanted) {
    const row = readable.get(lower);
    if (!row) {
      await db
        .insertInto(table.table)
        .values({ [table.contactId]: key, [table.email]: email, ...(table.order ? { [table.order]: order } : {}) })
        .execute();
      written = true;
      continue;
    }
    const changes: Record<string, string | number> = {};
    if (readText(row.email) !== email) changes[table.email] = email;
    if (table.order && Number(row.order) !== order) changes[table.order] = order;
    if (!Object.keys(changes).length) continue;
    await db.updateTable(table.table).set(changes).where(ofContact(lower)).execute();
    written = true;
  }
  return written;
}
