import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect';

/** Per-user tables hang off `users`: removing a user removes their rows, and an unknown user cannot get any. */
function withUser<T extends string>(table: CreateTableBuilder<T, never>, name: string) {
  return table
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('object_id', 'text', (column) => column.notNull())
    .addForeignKeyConstraint(`${name}_user_fk`, ['tenant_id', 'object_id'], 'users', ['tenant_id', 'object_id'], (constraint) =>
      constraint.onDelete('cascade'),
    );
}

/** The one column type that differs: SQLite's rowid alias versus a PostgreSQL identity column. */
function autoIncrementId(dialect: StoreDialect): [type: 'integer', build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return dialect === 'sqlite'
    ? ['integer', (column) => column.primaryKey().autoIncrement()]
    : ['integer', (column) => column.primaryKey().generatedAlwaysAsIdentity()];
}

/** Tables of DESIGN §5 and §6. Only portable types: text, integer; dates and JSON are text. */
export function initialSchema(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('tenant_id', 'text', (column) => column.notNull())
        .addColumn('object_id', 'text', (column) => column.notNull())
        .addColumn('environment', 'text', (column) => column.notNull())
        .addColumn('email', 'text', (column) => column.notNull())
        .addColumn('display_name', 'text', (column) => column.notNull())
        .addColumn('erp_user_id_override', 'text')
        .addColumn('first_seen_at', 'text', (column) => column.notNull())
        .addColumn('last_seen_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('users_pk', ['tenant_id', 'object_id'])
        .execute();
      await db.schema.createIndex('users_by_environment').on('users').columns(['environment', 'email']).execute();

      await withUser(db.schema.createTable('user_settings'), 'user_settings')
        .addColumn('settings', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('user_settings_pk', ['tenant_id', 'object_id'])
        .execute();

      await withUser(db.schema.createTable('links'), 'links')
        .addColumn('entity', 'text', (column) => column.notNull())
        .addColumn('erp_id', 'text', (column) => column.notNull())
        .addColumn('outlook_id', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('snapshot', 'text', (column) => column.notNull())
        .addColumn('missed_listings', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('links_pk', ['tenant_id', 'object_id', 'entity', 'erp_id'])
        .execute();
      await db.schema.createIndex('links_by_outlook_id').on('links').columns(['tenant_id', 'object_id', 'entity', 'outlook_id']).execute();

      await withUser(db.schema.createTable('cursors'), 'cursors')
        .addColumn('collection', 'text', (column) => column.notNull())
        .addColumn('value', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('cursors_pk', ['tenant_id', 'object_id', 'collection'])
        .execute();

      await withUser(db.schema.createTable('runs'), 'runs')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('stage', 'text', (column) => column.notNull())
        .addColumn('done', 'integer', (column) => column.notNull())
        .addColumn('total', 'integer', (column) => column.notNull())
        .addColumn('started_at', 'text', (column) => column.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('report', 'text')
        .execute();
      await db.schema.createIndex('runs_by_user_started').on('runs').columns(['tenant_id', 'object_id', 'started_at desc']).execute();

      await withUser(db.schema.createTable('conflicts'), 'conflicts')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('entity', 'text', (column) => column.notNull())
        .addColumn('erp_id', 'text', (column) => column.notNull())
        .addColumn('field', 'text', (column) => column.notNull())
        .addColumn('erp_value', 'text')
        .addColumn('outlook_value', 'text')
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('resolution', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema.createIndex('conflicts_by_user_status').on('conflicts').columns(['tenant_id', 'object_id', 'status', 'created_at']).execute();

      // No foreign key: the audit trail outlives the user it is about.
      const [idType, idColumn] = autoIncrementId(dialect);
      await db.schema
        .createTable('audit_log')
        .addColumn('id', idType, idColumn)
        .addColumn('tenant_id', 'text', (column) => column.notNull())
        .addColumn('object_id', 'text', (column) => column.notNull())
        .addColumn('environment', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('target_type', 'text', (column) => column.notNull())
        .addColumn('target_id', 'text', (column) => column.notNull())
        .addColumn('details', 'text', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('audit_log_by_user').on('audit_log').columns(['tenant_id', 'object_id', 'id']).execute();

      // No foreign key: an item logged into the ERP stays logged when its logger is removed.
      await db.schema
        .createTable('logged_items')
        .addColumn('environment', 'text', (column) => column.notNull())
        .addColumn('item_key', 'text', (column) => column.notNull())
        .addColumn('erp_action_id', 'text')
        .addColumn('logged_by_tenant_id', 'text', (column) => column.notNull())
        .addColumn('logged_by_object_id', 'text', (column) => column.notNull())
        .addColumn('logged_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('logged_items_pk', ['environment', 'item_key'])
        .execute();

      await withUser(db.schema.createTable('token_cache'), 'token_cache')
        .addColumn('blob', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('token_cache_pk', ['tenant_id', 'object_id'])
        .execute();
    },
  };
}
