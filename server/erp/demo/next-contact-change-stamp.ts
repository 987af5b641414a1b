import { sql, type Kysely } from 'kysely';
import type { DemoErpDatabase } from './demo-erp-database';

/**
 * The `updated_at` of a contact write or delete: the clock, but always after the newest change
 * already recorded. The change feed pages on (updated_at, id), so a write stamped at or before a
 * reader's cursor (same millisecond, clock stepping back) would be skipped for good.
 */
export async function nextContactChangeStamp(db: Kysely<DemoErpDatabase>, now: () => Date): Promise<string> {
  const { rows } = await sql<{ latest: string }>`select max(
      coalesce((select max(updated_at) from contacts), ''),
      coalesce((select max(deleted_at) from tombstones where entity = 'contact'), '')
    ) as latest`.execute(db);
  const latest = rows[0]?.latest ? Date.parse(rows[0].latest) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(now().getTime(), latest + 1)).toISOString();
}
