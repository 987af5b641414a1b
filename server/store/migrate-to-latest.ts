import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { storeMigrations } from './migrations/store-migrations';
import type { StoreDatabase } from './store-database';
import type { StoreDialect } from './store-dialect';
import { StoreError } from './store-error';

/**
 * Applies the migrations the database has not seen yet; a no-op on an up-to-date database.
 * On PostgreSQL, Kysely's migration lock and transaction let many bridge instances start at once.
 */
export async function migrateToLatest(db: Kysely<StoreDatabase>, dialect: StoreDialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => storeMigrations(dialect) },
  });
  const { error, results = [] } = dialect === 'sqlite' ? await inImmediateTransaction(db, () => migrator.migrateToLatest()) : await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results.find((result) => result.status === 'Error');
  const what = failed ? `migration ${failed.migrationName}` : 'migrating the store';
  throw new StoreError('migration_failed', `${what} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/**
 * Kysely runs SQLite migrations outside any transaction. One immediate transaction makes them
 * all-or-nothing and makes another process opening the same file wait (busy timeout) until they
 * are done. This works because the SQLite dialect has a single connection.
 */
async function inImmediateTransaction(db: Kysely<StoreDatabase>, migrate: () => Promise<MigrationResultSet>): Promise<MigrationResultSet> {
  await sql`begin immediate`.execute(db);
  let outcome: MigrationResultSet;
  try {
    outcome = await migrate();
  } catch (error) {
    await sql`rollback`.execute(db);
    throw error;
  }
  await (outcome.error === undefined ? sql`commit` : sql`rollback`).execute(db);
  return outcome;
}
