import type { Kysely } from 'kysely';
import type { Store } from './store';
import type { StoreDatabase } from './store-database';
import { requireKnownUser } from './require-known-user';
import { toIsoInstant } from './to-iso-instant';
import { userFilter } from './user-filter';

export function createCursorStore(db: Kysely<StoreDatabase>): Store['cursors'] {
  return {
    async get(key, collection) {
      const row = await db.selectFrom('cursors').selectAll().where((eb) => eb.and({ ...userFilter(key), collection })).executeTakeFirst();
      return row && { user: { tenantId: row.tenant_id, objectId: row.object_id }, collection: row.collection, value: row.value, updatedAt: row.updated_at };
    },

    async put(cursor) {
      const columns = { value: cursor.value, updated_at: toIsoInstant(cursor.updatedAt, 'updatedAt') };
      await requireKnownUser(cursor.user, () =>
        db
          .insertInto('cursors')
          .values({ ...userFilter(cursor.user), collection: cursor.collection, ...columns })
          .onConflict((conflict) => conflict.columns(['tenant_id', 'object_id', 'collection']).doUpdateSet(columns))
          .execute(),
      );
    },

    async remove(key, collection) {
      const result = await db.deleteFrom('cursors').where((eb) => eb.and({ ...userFilter(key), collection })).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
