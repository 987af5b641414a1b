import type { Kysely } from 'kysely';
import type { DemoErpDatabase } from './demo-erp-database';

/** True before the first seed: no ERP user and no contact. */
export async function isDemoErpEmpty(db: Kysely<DemoErpDatabase>): Promise<boolean> {
  const user = await db.selectFrom('erp_users').select('id').limit(1).executeTakeFirst();
  const contact = await db.selectFrom('contacts').select('id').limit(1).executeTakeFirst();
  return !user && !contact;
}
