import type { Kysely } from 'kysely';
import type { Store } from './store';
import type { StoreDatabase } from './store-database';
import { toIsoInstant } from './to-iso-instant';

export function createActivationStore(db: Kysely<StoreDatabase>): Store['activations'] {
  return {
    async get(environment) {
      const row = await db.selectFrom('environment_activation').selectAll().where('environment', '=', environment).executeTakeFirst();
      return row && {
        environment: row.environment,
        syncActivated: row.sync_activated === 1,
        applicationId: row.application_id,
        changedBy: row.changed_by,
        changedAt: row.changed_at,
      };
    },
    async put(activation) {
      const columns = {
        sync_activated: activation.syncActivated ? 1 : 0,
        application_id: activation.applicationId,
        changed_by: activation.changedBy,
        changed_at: toIsoInstant(activation.changedAt, 'changedAt'),
      };
      await db
        .insertInto('environment_activation')
        .values({ environment: activation.environment, ...columns })
        .onConflict((conflict) => conflict.column('environment').doUpdateSet(columns))
        .execute();
    },
  };
}
