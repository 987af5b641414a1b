import { sql } from 'kysely';
import { ConfigError } from '../../config/load-config';
import type { SqlErpContext } from './sql-erp-context';
import type { SqlAddressMapping, SqlErpMapping } from './sql-erp-mapping';

interface MappedTable {
  entity: string;
  table: string;
  /** `[mapping key, column]`: `['columns.givenName', 'prenom']` */
  columns: [string, string][];
}

/**
 * Reads zero rows of every mapped column, so a wrong table or column name stops the bridge at
 * start with the mapping key that names it, not at the first request of a salesperson.
 */
export async function verifySqlErpMapping(context: SqlErpContext): Promise<void> {
  for (const { entity, table, columns } of mappedTables(context.mapping)) {
    if (await selects(context, table, columns.map(([, column]) => column))) continue;
    if (!(await selects(context, table, []))) throw new ConfigError(`ERP mapping: ${entity}.table names ${table}, which the ERP database does not have`);
    for (const [key, column] of columns) {
      if (!(await selects(context, table, [column]))) throw new ConfigError(`ERP mapping: ${entity}.${key} names column ${column}, which ${table} does not have`);
    }
  }
}

async function selects(context: SqlErpContext, table: string, columns: string[]): Promise<boolean> {
  const list = columns.length ? sql.join(columns.map((column) => sql.ref(column))) : sql`1`;
  try {
    await sql`select ${list} from ${sql.table(table)} where 1 = 0`.execute(context.db);
    return true;
  } catch {
    return false;
  }
}

function mappedTables(mapping: SqlErpMapping): MappedTable[] {
  const tracked = (entity: { id: { column: string }; updatedAt: string; version?: string | undefined; updatedBy?: string | undefined }) => ({
    'id.column': entity.id.column,
    updatedAt: entity.updatedAt,
    version: entity.version,
    updatedBy: entity.updatedBy,
  });
  const prefixed = (prefix: string, record: object | undefined) =>
    Object.fromEntries(Object.entries(record ?? {}).flatMap(([key, column]) => (typeof column === 'string' ? [[`${prefix}.${key}`, column]] : [])));
  const address = (columns: { address?: SqlAddressMapping | undefined }) => prefixed('columns.address', columns.address);
  const { users, accounts, contacts, actions } = mapping;
  const tables: [string, string | undefined, Record<string, string | undefined>][] = [
    ['users', users?.table, users ? { 'id.column': users.id.column, email: users.email, displayName: users.displayName } : {}],
    ['accounts', accounts?.table, accounts ? { ...tracked(accounts), ...prefixed('columns', accounts.columns), ...address(accounts.columns) } : {}],
    [
      'contacts',
      contacts.table,
      {
        ...tracked(contacts),
        ...prefixed('columns', contacts.columns),
        ...address(contacts.columns),
        ...prefixed('emails', contacts.emails),
        'fullName.column': contacts.fullName?.column,
        'softDelete.column': contacts.softDelete?.column,
        ...Object.fromEntries((contacts.scope?.where ?? []).map((condition, index) => [`scope.where[${index}].column`, condition.column])),
      },
    ],
    ['contacts.emailTable', contacts.emailTable?.table, { contactId: contacts.emailTable?.contactId, email: contacts.emailTable?.email, order: contacts.emailTable?.order }],
    ['actions', actions?.table, actions ? { ...tracked(actions), ...prefixed('columns', actions.columns) } : {}],
  ];
  return tables.flatMap(([entity, table, columns]) =>
    table ? [{ entity, table, columns: Object.entries(columns).flatMap(([key, column]): [string, string][] => (column ? [[key, column]] : [])) }] : [],
  );
}
