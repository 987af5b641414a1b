import type { Kysely, Selectable } from 'kysely';
import type { ErpUser } from '../../../src/domain/erp-records';
import type { DemoErpDatabase, ErpUserTable } from './demo-erp-database';
import { parseDemoId } from './parse-demo-id';

/** ERP users (salespeople), matched to Microsoft 365 users by email, case-insensitively. */
export class DemoUserRepository {
  constructor(private readonly db: Kysely<DemoErpDatabase>) {}

  async findByEmail(email: string): Promise<ErpUser | undefined> {
    const row = await this.db.selectFrom('erp_users').selectAll().where('email_lower', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row && toErpUser(row);
  }

  async get(id: string): Promise<ErpUser | undefined> {
    const numeric = parseDemoId(id);
    if (numeric === undefined) return undefined;
    const row = await this.db.selectFrom('erp_users').selectAll().where('id', '=', numeric).executeTakeFirst();
    return row && toErpUser(row);
  }
}

function toErpUser(row: Selectable<ErpUserTable>): ErpUser {
  return { id: String(row.id), email: row.email, displayName: row.display_name };
}
