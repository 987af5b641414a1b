import type { Kysely, Migration } from 'kysely';

/** The supervisor's activation of sync per environment (the a3ERP "activate sync" step). */
export function environmentActivation(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('environment_activation')
        .addColumn('environment', 'text', (column) => column.primaryKey())
        .addColumn('sync_activated', 'integer', (column) => column.notNull())
        .addColumn('application_id', 'text', (column) => column.notNull())
        .addColumn('changed_by', 'text', (column) => column.notNull())
        .addColumn('changed_at', 'text', (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('environment_activation').execute();
    },
  };
}
