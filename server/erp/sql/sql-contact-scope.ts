import { sql, type RawBuilder } from 'kysely';
import type { MailboxScope } from '../../../src/domain/erp-port';
import { booleanParameter, idParameter } from './sql-column-values';
import type { SqlErpContext, SqlErpDialect } from './sql-erp-context';
import type { SqlColumnValue, SqlCondition, SqlContactsMapping } from './sql-erp-mapping';

/**
 * Whether a contact row (alias `c`) is one the bridge syncs: inside the mapping's scope (and, for a
 * mailbox when the mapping says so, owned by its ERP user) and not soft-deleted. The change feed
 * reads the rows where this is false as tombstones.
 */
export function sqlContactVisible(context: Pick<SqlErpContext, 'dialect' | 'mapping'>, mailbox?: MailboxScope): RawBuilder<boolean> {
  const { dialect } = context;
  const mapping = context.mapping.contacts;
  const parameter = (value: SqlColumnValue) => (typeof value === 'boolean' ? booleanParameter(dialect, value) : value);
  const list = (values: readonly SqlColumnValue[]) => sql.join(values.map(parameter));
  const condition = (where: SqlCondition): RawBuilder<boolean> => {
    const ref = sql.ref(`c.${where.column}`);
    if ('equals' in where) return sql<boolean>`${ref} = ${parameter(where.equals)}`;
    if ('in' in where) return sql<boolean>`${ref} in (${list(where.in)})`;
    if ('notIn' in where) return sql<boolean>`(${ref} is null or ${ref} not in (${list(where.notIn)}))`;
    return where.isNull ? sql<boolean>`${ref} is null` : sql<boolean>`${ref} is not null`;
  };
  const conditions = [...(mapping.scope?.where ?? []).map(condition)];
  const users = context.mapping.users;
  if (mailbox && mapping.scope?.ownedByMailbox && mapping.columns.ownerId && users) {
    const owner = mailbox.erpUserId === undefined ? undefined : idParameter(users.id, mailbox.erpUserId);
    conditions.push(owner === undefined ? sql<boolean>`1 = 0` : sql<boolean>`${sql.ref(`c.${mapping.columns.ownerId}`)} = ${owner}`);
  }
  const { softDelete } = mapping;
  if (softDelete) {
    const ref = sql.ref(`c.${softDelete.column}`);
    conditions.push(softDelete.deletedValues ? sql<boolean>`(${ref} is null or ${ref} not in (${list(softDelete.deletedValues)}))` : sql<boolean>`${ref} is null`);
  }
  return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` and `)})` : sql<boolean>`1 = 1`;
}

/** The value a soft-delete column gets on create, when the mapping names one. */
export function sqlActiveValue(dialect: SqlErpDialect, mapping: SqlContactsMapping): Record<string, string | number | boolean> {
  const softDelete = mapping.softDelete;
  if (softDelete?.activeValue === undefined) return {};
  const value = softDelete.activeValue;
  return { [softDelete.column]: typeof value === 'boolean' ? booleanParameter(dialect, value) : value };
}
