import type { Kysely, Selectable } from 'kysely';
import type { GraphSubscriptionRecord, Store } from './store';
import type { GraphSubscriptionsTable, StoreDatabase } from './store-database';
import { readEnumColumn } from './read-enum-column';
import { toIsoInstant } from './to-iso-instant';
import { userFilter } from './user-filter';

const states = ['creating', 'active', 'reauthorize'] as const;

export function createGraphSubscriptionStore(db: Kysely<StoreDatabase>): Store['graphSubscriptions'] {
  const byKey = (tenantId: string, objectId: string, collection: string) => ({ ...userFilter({ tenantId, objectId }), collection });
  return {
    async reserve(record, staleBefore) {
      const row = {
        ...byKey(record.user.tenantId, record.user.objectId, record.collection),
        environment: record.environment,
        resource: record.resource,
        subscription_id: null,
        client_state_hash: record.clientStateHash,
        state: 'creating',
        expires_at: toIsoInstant(record.expiresAt, 'expiresAt'),
        updated_at: toIsoInstant(record.updatedAt, 'updatedAt'),
      };
      const inserted = await db.insertInto('graph_subscriptions').values(row).onConflict((conflict) => conflict.doNothing()).executeTakeFirst();
      if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
      // A bridge that stopped while creating leaves its reservation: it is taken over once stale.
      const { tenant_id, object_id, collection, ...change } = row;
      const taken = await db
        .updateTable('graph_subscriptions')
        .set(change)
        .where((eb) => eb.and({ tenant_id, object_id, collection, state: 'creating' }))
        .where('updated_at', '<', toIsoInstant(staleBefore, 'staleBefore'))
        .executeTakeFirst();
      return taken.numUpdatedRows > 0n;
    },

    async get(key, collection) {
      const row = await db.selectFrom('graph_subscriptions').selectAll().where((eb) => eb.and(byKey(key.tenantId, key.objectId, collection))).executeTakeFirst();
      return row && toRecord(row);
    },

    async findBySubscriptionId(subscriptionId) {
      const row = await db.selectFrom('graph_subscriptions').selectAll().where('subscription_id', '=', subscriptionId).executeTakeFirst();
      return row && toRecord(row);
    },

    async list() {
      const rows = await db.selectFrom('graph_subscriptions').selectAll().orderBy('tenant_id').orderBy('object_id').orderBy('collection').execute();
      return rows.map(toRecord);
    },

    async update(key, collection, change) {
      const result = await db
        .updateTable('graph_subscriptions')
        .set({
          ...(change.subscriptionId === undefined ? {} : { subscription_id: change.subscriptionId }),
          ...(change.state === undefined ? {} : { state: change.state }),
          ...(change.expiresAt === undefined ? {} : { expires_at: toIsoInstant(change.expiresAt, 'expiresAt') }),
          ...(change.updatedAt === undefined ? {} : { updated_at: toIsoInstant(change.updatedAt, 'updatedAt') }),
        })
        .where((eb) => eb.and(byKey(key.tenantId, key.objectId, collection)))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async remove(key, collection) {
      const result = await db.deleteFrom('graph_subscriptions').where((eb) => eb.and(byKey(key.tenantId, key.objectId, collection))).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toRecord(row: Selectable<GraphSubscriptionsTable>): GraphSubscriptionRecord {
  return {
    user: { tenantId: row.tenant_id, objectId: row.object_id },
    collection: row.collection,
    environment: row.environment,
    resource: row.resource,
    ...(row.subscription_id === null ? {} : { subscriptionId: row.subscription_id }),
    clientStateHash: row.client_state_hash,
    state: readEnumColumn(row.state, states, 'graph_subscriptions.state'),
    expiresAt: row.expires_at,
    updatedAt: row.updated_at,
  };
}
