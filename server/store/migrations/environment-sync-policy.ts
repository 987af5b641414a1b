import type { Kysely, Migration } from 'kysely';

/** The sync policy an environment's admin chose at run time, over the configuration's `sync` block. */
export function environmentSyncPolicy(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('environment_sync_policy')
        .addColumn('environment', 'text', (column) => column.primaryKey())
        .addColumn('policy', 'text', (column) => column.notNull())
        .addColumn('changed_by', 'text', (column) => column.notNull())
        .addColumn('changed_at', 'text', (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('environment_sync_policy').execute();
    },
  };
}
