import type { Kysely, Selectable } from 'kysely';
import type { Store, UserRecord } from './store';
import type { StoreDatabase, UsersTable } from './store-database';
import { toIsoInstant } from './to-iso-instant';
import { userFilter } from './user-filter';

export function createUserStore(db: Kysely<StoreDatabase>): Store['users'] {
  return {
    async upsert(user, now) {
      const seenAt = toIsoInstant(now, 'now');
      const row = await db
        .insertInto('users')
        .values({
          tenant_id: user.tenantId,
          object_id: user.objectId,
          environment: user.environment,
          email: user.email,
          display_name: user.displayName,
          erp_user_id_override: null,
          is_guest: user.isGuest ? 1 : 0,
          first_seen_at: seenAt,
          last_seen_at: seenAt,
        })
        .onConflict((conflict) =>
          conflict.columns(['tenant_id', 'object_id']).doUpdateSet({
            environment: user.environment,
            email: user.email,
            display_name: user.displayName,
            is_guest: user.isGuest ? 1 : 0,
            last_seen_at: seenAt,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUserRecord(row);
    },

    async get(key) {
      const row = await db.selectFrom('users').selectAll().where((eb) => eb.and(userFilter(key))).executeTakeFirst();
      return row && toUserRecord(row);
    },

    async listByEnvironment(environment) {
      const rows = await db.selectFrom('users').selectAll().where('environment', '=', environment).orderBy('email').orderBy('tenant_id').orderBy('object_id').execute();
      return rows.map(toUserRecord);
    },

    async setErpUserOverride(key, erpUserId) {
      const result = await db
        .updateTable('users')
        .set({ erp_user_id_override: erpUserId ?? null })
        .where((eb) => eb.and(userFilter(key)))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async remove(key) {
      const result = await db.deleteFrom('users').where((eb) => eb.and(userFilter(key))).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toUserRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    tenantId: row.tenant_id,
    objectId: row.object_id,
    environment: row.environment,
    email: row.email,
    displayName: row.display_name,
    ...(row.erp_user_id_override === null ? {} : { erpUserIdOverride: row.erp_user_id_override }),
    ...(row.is_guest ? { isGuest: true } : {}),
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  };
}
