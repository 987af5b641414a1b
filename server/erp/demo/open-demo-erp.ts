import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type LogEvent } from 'kysely';
import type { ErpActor, ErpPort } from '../../../src/domain/erp-port';
import { guardErpCall } from '../guard-erp-call';
import { guardErpRepositories } from '../guard-erp-repositories';
import { DemoAccountRepository } from './demo-account-repository';
import { DemoActionRepository } from './demo-action-repository';
import { DemoContactRepository } from './demo-contact-repository';
import type { DemoErpDatabase } from './demo-erp-database';
import { migrateDemoErp } from './demo-erp-migrations';
import { DemoUserRepository } from './demo-user-repository';
import { isDemoErpEmpty } from './is-demo-erp-empty';
import { seedDemoErp, type SeedDemoErpOptions } from './seed-demo-erp';

export interface OpenDemoErpOptions {
  /** SQLite file (its folder is created), or `':memory:'`. */
  file: string;
  /** Clock for `updatedAt`; tests pass a fixed one. */
  now?: () => Date;
  /** Seeds the database when it holds no data yet (first start); an already seeded file is left as is. */
  seed?: SeedDemoErpOptions;
  /** Sees every query with its duration: for diagnostics, benchmarks and query-plan tests. */
  log?: (event: LogEvent) => void;
}

/** The demo ERP: the port, plus deletes with tombstones, and its database for the seeder and benchmarks. */
export interface DemoErp extends ErpPort {
  readonly kind: 'demo';
  readonly database: Kysely<DemoErpDatabase>;
  /** Deletes a contact; its actions stay, unlinked; the change feed reports the id in `deletedIds`. */
  deleteContact(id: string, actor: ErpActor): Promise<void>;
  /** Deletes an action; the change feeds report its id in `deletedIds` (its owner's too). */
  deleteAction(id: string, actor: ErpActor): Promise<void>;
}

/**
 * Opens (and migrates) the embedded demo ERP.
 *
 * @example
 * const erp = await openDemoErp({ file: './data/demo-erp.db', seed: { seed: 1, contacts: 2_000 } });
 * const page = await erp.searchContacts({ email: 'ana.garcia@example.es', limit: 5 });
 */
export async function openDemoErp(options: OpenDemoErpOptions): Promise<DemoErp> {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = new Database(options.file);
  sqlite.pragma('foreign_keys = ON');
  if (options.file !== ':memory:') {
    sqlite.pragma('journal_mode = WAL');
    // WAL with NORMAL keeps every commit atomic; only the last ones may be lost on power failure, which a demo can afford.
    sqlite.pragma('synchronous = NORMAL');
    // 64 MB of page cache: seeding 100,000 contacts updates five name and date indexes at random places.
    sqlite.pragma('cache_size = -65536');
  }
  const database = new Kysely<DemoErpDatabase>({ dialect: new SqliteDialect({ database: sqlite }), ...(options.log && { log: options.log }) });
  const now = options.now ?? (() => new Date());
  try {
    await migrateDemoErp(database);
  } catch (error) {
    await database.destroy();
    throw error;
  }
  const erp = createDemoErp(database, now);
  if (options.seed && (await isDemoErpEmpty(database))) await seedDemoErp(erp, options.seed);
  return erp;
}

function createDemoErp(database: Kysely<DemoErpDatabase>, now: () => Date): DemoErp {
  const users = new DemoUserRepository(database);
  const accounts = new DemoAccountRepository(database);
  const contacts = new DemoContactRepository(database, now);
  const actions = new DemoActionRepository(database, now);
  return {
    kind: 'demo',
    database,
    ...guardErpRepositories({ ping: () => sql`select 1`.execute(database), users, contacts, accounts, actions }),
    deleteContact: (id, actor) => guardErpCall('delete the contact', () => contacts.delete(id, actor)),
    deleteAction: (id, actor) => guardErpCall('delete the action', () => actions.delete(id, actor)),
    close: () => database.destroy(),
  };
}
