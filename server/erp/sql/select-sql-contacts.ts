import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { MailboxScope } from '../../../src/domain/erp-port';
import { foldSqlExpression } from './fold-sql-expression';
import { addressColumns } from './sql-address-columns';
import { sqlContactVisible } from './sql-contact-scope';
import type { SqlErpContext, SqlErpDatabase } from './sql-erp-context';
import { sqlFullNameDisplay } from './sql-full-name';

/** The contacts the bridge syncs (for `mailbox`, those it gets): `selectSqlContactRows` inside the mapping's scope, soft-deleted rows left out. */
export function selectSqlContacts(context: SqlErpContext, db: Kysely<SqlErpDatabase>, mailbox?: MailboxScope) {
  return selectSqlContactRows(context, db).where(sqlContactVisible(context, mailbox));
}

/**
 * Every row of the contact table (alias `c`) with every mapped column under our field name
 * (`givenName`, `email0`, …) and the company name read by a correlated subquery, so filters need no join.
 */
export function selectSqlContactRows(context: SqlErpContext, db: Kysely<SqlErpDatabase>) {
  const { contacts, accounts } = context.mapping;
  const columns = contacts.columns;
  const selections = Object.entries({
    id: contacts.id.column,
    updatedAt: contacts.updatedAt,
    version: contacts.version,
    givenName: columns.givenName,
    surname: columns.surname,
    displayName: columns.displayName,
    jobTitle: columns.jobTitle,
    accountId: columns.accountId,
    businessPhone: columns.businessPhone,
    mobilePhone: columns.mobilePhone,
    notes: columns.notes,
    ownerId: columns.ownerId,
    fullName: contacts.fullName?.column,
    ...addressColumns(columns.address),
    ...Object.fromEntries(contacts.emails.map((column, index) => [`email${index}`, column])),
  }).flatMap(([alias, column]) => (column ? [sql.ref(`c.${column}`).as(alias)] : []));
  const companyName =
    accounts && columns.accountId
      ? [sql<string>`(select a.${sql.ref(accounts.columns.name)} from ${sql.table(accounts.table)} as a where a.${sql.ref(accounts.id.column)} = c.${sql.ref(columns.accountId)})`.as('companyName')]
      : [];
  return db.selectFrom(`${contacts.table} as c`).select([...selections, ...companyName]);
}

/** What contact lists sort on: the display name as `readSqlContact` derives it, folded. */
export function sqlContactSortKey(context: SqlErpContext): RawBuilder<string> {
  return foldSqlExpression(context.dialect, sqlContactDisplayName(context));
}

/** The display name column, else "given surname", else the first email: the rule of `readSqlContact`, in SQL. */
export function sqlContactDisplayName(context: SqlErpContext): RawBuilder<unknown> {
  const { columns, emails, fullName, emailTable, id } = context.mapping.contacts;
  const nonEmpty = (expression: RawBuilder<unknown>) => sql`nullif(trim(${expression}), '')`;
  const parts: RawBuilder<unknown>[] = [];
  if (columns.displayName) parts.push(nonEmpty(sql.ref(`c.${columns.displayName}`)));
  const names = [columns.givenName, columns.surname].flatMap((column) => (column ? [sql`coalesce(${sql.ref(`c.${column}`)}, '')`] : []));
  if (names.length) parts.push(nonEmpty(sql.join(names, sql` || ' ' || `)));
  if (fullName) parts.push(nonEmpty(sqlFullNameDisplay(context.dialect, fullName.format, sql.ref(`c.${fullName.column}`))));
  if (emails[0]) parts.push(nonEmpty(sql.ref(`c.${emails[0]}`)));
  if (emailTable) {
    const order = sql.ref(`e.${emailTable.order ?? emailTable.email}`);
    parts.push(
      nonEmpty(sql`(select e.${sql.ref(emailTable.email)} from ${sql.table(emailTable.table)} as e where e.${sql.ref(emailTable.contactId)} = c.${sql.ref(id.column)} order by ${order} limit 1)`),
    );
  }
  return sql`coalesce(${sql.join([...parts, sql`''`])})`;
}
