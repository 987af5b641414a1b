import { sql } from 'kysely';
import type { ErpUser } from '../../../src/domain/erp-records';
import { idParameter, readId, readText } from './sql-column-values';
import type { SqlErpContext } from './sql-erp-context';

/** ERP users (salespeople) of a mapped table, matched by email case-insensitively. */
export class SqlUserRepository {
  constructor(private readonly context: SqlErpContext) {}

  async findByEmail(email: string): Promise<ErpUser | undefined> {
    const mapping = this.context.mapping.users;
    if (!mapping) return undefined;
    const row = await this.select()
      ?.where((eb) => eb(eb.fn('lower', [eb.ref(mapping.email)]), '=', email.trim().toLowerCase()))
      .executeTakeFirst();
    return row && toUser(row);
  }

  async get(id: string): Promise<ErpUser | undefined> {
    const mapping = this.context.mapping.users;
    const key = mapping && idParameter(mapping.id, id);
    if (!mapping || key === undefined) return undefined;
    const row = await this.select()?.where(sql.ref(mapping.id.column), '=', key).executeTakeFirst();
    return row && toUser(row);
  }

  private select() {
    const mapping = this.context.mapping.users;
    if (!mapping) return undefined;
    return this.context.db
      .selectFrom(mapping.table)
      .select([sql.ref(mapping.id.column).as('id'), sql.ref(mapping.email).as('email'), sql.ref(mapping.displayName).as('displayName')]);
  }
}

function toUser(row: Record<string, unknown>): ErpUser {
  const email = readText(row.email) ?? '';
  return { id: readId(row.id) ?? '', email, displayName: readText(row.displayName) ?? email };
}
