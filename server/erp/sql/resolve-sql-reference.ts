import { sql } from 'kysely';
import { ErpError } from '../../../src/domain/erp-port';
import { idParameter } from './sql-column-values';
import type { SqlErpContext } from './sql-erp-context';

type ReferencedEntity = 'users' | 'accounts' | 'contacts';

/**
 * The key parameter of a record a write refers to, checked to exist: the ERP may have no foreign
 * keys, and a dangling id is the caller's mistake (`invalid_input`), named in the message.
 */
export async function resolveSqlReference(context: SqlErpContext, entity: ReferencedEntity, id: string, field: string): Promise<string | number> {
  const parameter = await findSqlRecordKey(context, entity, id);
  if (parameter === undefined) throw new ErpError('invalid_input', `${field} ${id} names no record of the ERP`);
  return parameter;
}

/** The actor's ERP user owns what they create, when the ERP knows them. */
export async function actorOwner(context: SqlErpContext, erpUserId: string | undefined): Promise<string | number | undefined> {
  return erpUserId === undefined ? undefined : findSqlRecordKey(context, 'users', erpUserId);
}

async function findSqlRecordKey(context: SqlErpContext, entity: ReferencedEntity, id: string): Promise<string | number | undefined> {
  const mapping = context.mapping[entity];
  if (!mapping) return undefined;
  const parameter = idParameter(mapping.id, id);
  if (parameter === undefined) return undefined;
  const row = await context.db
    .selectFrom(mapping.table)
    .select(sql<number>`1`.as('found'))
    .where(sql.ref(mapping.id.column), '=', parameter)
    .executeTakeFirst();
  return row ? parameter : undefined;
}
