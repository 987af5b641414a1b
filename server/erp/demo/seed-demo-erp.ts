import { Kysely, sql, type Insertable } from 'kysely';
import { ErpError } from '../../../src/domain/erp-port';
import type { DemoErpDatabase } from './demo-erp-database';
import { generateDemoData, type DemoDataOptions } from './generate-demo-data';
import { isDemoErpEmpty } from './is-demo-erp-empty';

export interface SeedProgress {
  contactsDone: number;
  contactsTotal: number;
}

export interface SeedDemoErpOptions extends DemoDataOptions {
  /** Called after each batch of contacts (every 2,000 by default). */
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedSummary {
  users: number;
  accounts: number;
  contacts: number;
  emails: number;
  actions: number;
  milliseconds: number;
}

/** SQLite binds at most 32,766 parameters per statement. */
const MAX_PARAMETERS = 32_000;

/**
 * Fills an empty demo ERP with deterministic es/fr/en data, in one transaction with multi-row inserts.
 *
 * @example
 * const erp = await openDemoErp({ file: ':memory:' });
 * await seedDemoErp(erp, { seed: 1, contacts: 100_000, onProgress: ({ contactsDone }) => log(contactsDone) });
 */
export async function seedDemoErp(target: { database: Kysely<DemoErpDatabase> } | Kysely<DemoErpDatabase>, options: SeedDemoErpOptions): Promise<SeedSummary> {
  const db = target instanceof Kysely ? target : target.database;
  const started = performance.now();
  const summary = { users: 0, accounts: 0, contacts: 0, emails: 0, actions: 0 };
  await db.transaction().execute(async (trx) => {
    if (!(await isDemoErpEmpty(trx))) throw new ErpError('invalid_input', 'the demo ERP already holds data: seed an empty database');
    for (const batch of generateDemoData(options)) {
      await insertInChunks(trx, 'erp_users', batch.users);
      await insertInChunks(trx, 'accounts', batch.accounts);
      await insertInChunks(trx, 'contacts', batch.contacts);
      await insertInChunks(trx, 'contact_emails', batch.emails);
      await insertInChunks(trx, 'actions', batch.actions);
      summary.users += batch.users.length;
      summary.accounts += batch.accounts.length;
      summary.contacts += batch.contacts.length;
      summary.emails += batch.emails.length;
      summary.actions += batch.actions.length;
      options.onProgress?.({ contactsDone: batch.contactsDone, contactsTotal: batch.contactsTotal });
    }
    const seededWith = { seed: options.seed, contacts: options.contacts, referenceDate: options.referenceDate?.toISOString() ?? 'default' };
    await trx.insertInto('demo_meta').values({ key: 'seed', value: JSON.stringify(seededWith) }).execute();
  });
  // Row counts for the query planner: without them SQLite may scan the name index for an email lookup.
  await sql`analyze`.execute(db);
  return { ...summary, milliseconds: Math.round(performance.now() - started) };
}

type RowsOf<T extends keyof DemoErpDatabase> = Insertable<DemoErpDatabase[T]>[];

async function insertInChunks<T extends keyof DemoErpDatabase>(db: Kysely<DemoErpDatabase>, table: T, rows: RowsOf<T>): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  for (let start = 0; start < rows.length; start += perStatement) {
    await db.insertInto(table).values(rows.slice(start, start + perStatement)).execute();
  }
}
