import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Whether a user is a B2B guest of the tenant: the sync job, which runs without a sign-in, must not
 * map a guest to an ERP user by email any more than the API does.
 */
export function userGuestFlag(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('is_guest', 'integer', (column) => column.notNull().defaultTo(sql`0`)).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('users').dropColumn('is_guest').execute();
    },
  };
}
