import { sql, type Kysely } from 'kysely';
import type { DemoErpDatabase } from './demo-erp-database';

/**
 * The `updated_at` of a contact or action write (or delete, or reassignment): the clock, but always
 * after the newest change already recorded. The change feeds page on (updated_at, id), so a write
 * stamped at or before a reader's cursor (same millisecond, clock stepping back) would be skipped
 * for good. One sequence for both: deleting a contact also writes its actions.
 */
export async function nextChangeStamp(db: Kysely<DemoErpDatabase>, now: () => Date): Promise<string> {
  const { rows } = await sql<{ latest: string }>`select max(
      coalesce((select max(updated_at) from contacts), ''),
      coalesce((select max(deleted_at) from tombstones where entity = 'contact'), ''),
      coalesce((select max(deleted_at) from tombstones where entity = 'action'), ''),
      coalesce((select max(updated_at) from actions), ''),
      coalesce((select max(departed_at) from action_departures), '')
    ) as latest`.execute(db);
  const latest = rows[0]?.latest ? Date.parse(rows[0].latest) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(now().getTime(), latest + 1)).toISOString();
}
