import type { Kysely, Migration } from 'kysely';

/**
 * Graph change notifications: the bridge's subscriptions (one per mailbox and synced collection)
 * and the notifications received, kept until processed so any bridge sharing the store can process
 * them. Subscriptions have no foreign key to `users`: a forgotten user's subscription must still be
 * found to be deleted from Graph.
 */
export function graphNotifications(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('graph_subscriptions')
        .addColumn('tenant_id', 'text', (column) => column.notNull())
        .addColumn('object_id', 'text', (column) => column.notNull())
        .addColumn('collection', 'text', (column) => column.notNull())
        .addColumn('environment', 'text', (column) => column.notNull())
        .addColumn('resource', 'text', (column) => column.notNull())
        .addColumn('subscription_id', 'text')
        .addColumn('client_state_hash', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('graph_subscriptions_pk', ['tenant_id', 'object_id', 'collection'])
        .execute();
      await db.schema.createIndex('graph_subscriptions_by_id').on('graph_subscriptions').column('subscription_id').execute();

      await db.schema
        .createTable('graph_notifications')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('fingerprint', 'text', (column) => column.notNull().unique())
        .addColumn('subscription_id', 'text', (column) => column.notNull())
        .addColumn('tenant_id', 'text', (column) => column.notNull())
        .addColumn('object_id', 'text', (column) => column.notNull())
        .addColumn('environment', 'text', (column) => column.notNull())
        .addColumn('collection', 'text', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('received_at', 'text', (column) => column.notNull())
        .addColumn('claim_token', 'text')
        .addColumn('claimed_until', 'text')
        .addColumn('processed_at', 'text')
        .execute();
      await db.schema.createIndex('graph_notifications_pending').on('graph_notifications').columns(['processed_at', 'received_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('graph_notifications').execute();
      await db.schema.dropTable('graph_subscriptions').execute();
    },
  };
}
