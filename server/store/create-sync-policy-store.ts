import type { Kysely } from 'kysely';
import { syncPolicySchema } from '../../src/domain/sync-policy';
import type { Store } from './store';
import type { StoreDatabase } from './store-database';
import { StoreError } from './store-error';
import { readSchemaColumn } from './read-schema-column';
import { toIsoInstant } from './to-iso-instant';

export function createSyncPolicyStore(db: Kysely<StoreDatabase>): Store['syncPolicies'] {
  return {
    async get(environment) {
      const row = await db.selectFrom('environment_sync_policy').selectAll().where('environment', '=', environment).executeTakeFirst();
      return row && {
        environment: row.environment,
        policy: readSchemaColumn(row.policy, syncPolicySchema, `the stored sync policy of environment ${environment}`),
        changedBy: row.changed_by,
        changedAt: row.changed_at,
      };
    },
    async put(record) {
      const parsed = syncPolicySchema.safeParse(record.policy);
      if (!parsed.success) throw new StoreError('invalid_input', `the sync policy of environment ${record.environment} is not valid`, { cause: parsed.error });
      const columns = { policy: JSON.stringify(parsed.data), changed_by: record.changedBy, changed_at: toIsoInstant(record.changedAt, 'changedAt') };
      await db
        .insertInto('environment_sync_policy')
        .values({ environment: record.environment, ...columns })
        .onConflict((conflict) => conflict.column('environment').doUpdateSet(columns))
        .execute();
    },
  };
}
