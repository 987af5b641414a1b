import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { GraphNotificationRecord, Store } from './store';
import type { GraphNotificationsTable, StoreDatabase } from './store-database';
import { readEnumColumn } from './read-enum-column';
import { toIsoInstant } from './to-iso-instant';

const kinds = ['change', 'reauthorizationRequired', 'subscriptionRemoved', 'missed'] as const;

export function createGraphNotificationStore(db: Kysely<StoreDatabase>): Store['graphNotifications'] {
  return {
    async add(notification) {
      const result = await db
        .insertInto('graph_notifications')
        .values({
          id: notification.id,
          fingerprint: notification.fingerprint,
          subscription_id: notification.subscriptionId,
          tenant_id: notification.user.tenantId,
          object_id: notification.user.objectId,
          environment: notification.environment,
          collection: notification.collection,
          kind: notification.kind,
          received_at: toIsoInstant(notification.receivedAt, 'receivedAt'),
          claim_token: null,
          claimed_until: null,
          processed_at: null,
        })
        .onConflict((conflict) => conflict.column('fingerprint').doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async claim(now, claimedUntil, limit) {
      const at = toIsoInstant(now, 'now');
      const token = randomUUID();
      // The conditions are repeated outside the subquery: on PostgreSQL a row another bridge claimed
      // meanwhile is re-checked against them after its lock is released, and then left alone.
      await db
        .updateTable('graph_notifications')
        .set({ claim_token: token, claimed_until: toIsoInstant(claimedUntil, 'claimedUntil') })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('graph_notifications')
            .select('id')
            .where('processed_at', 'is', null)
            .where((inner) => inner.or([inner('claimed_until', 'is', null), inner('claimed_until', '<', at)]))
            .orderBy('received_at')
            .limit(limit),
        )
        .where('processed_at', 'is', null)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .execute();
      const rows = await db.selectFrom('graph_notifications').selectAll().where('claim_token', '=', token).orderBy('received_at').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async markProcessed(ids, now) {
      if (ids.length === 0) return;
      await db.updateTable('graph_notifications').set({ processed_at: toIsoInstant(now, 'now'), claim_token: null, claimed_until: null }).where('id', 'in', [...ids]).execute();
    },

    async release(ids, retryAt) {
      if (ids.length === 0) return;
      await db.updateTable('graph_notifications').set({ claim_token: null, claimed_until: toIsoInstant(retryAt, 'retryAt') }).where('id', 'in', [...ids]).execute();
    },

    async purge(before) {
      const result = await db.deleteFrom('graph_notifications').where('processed_at', '<', toIsoInstant(before, 'before')).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toRecord(row: Selectable<GraphNotificationsTable>): GraphNotificationRecord {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    subscriptionId: row.subscription_id,
    user: { tenantId: row.tenant_id, objectId: row.object_id },
    environment: row.environment,
    collection: row.collection,
    kind: readEnumColumn(row.kind, kinds, 'graph_notifications.kind'),
    receivedAt: row.received_at,
  };
}
