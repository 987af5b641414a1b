import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadSqlErpMapping } from '../../../../server/erp/sql/load-sql-erp-mapping';
import { openSqlErp } from '../../../../server/erp/sql/open-sql-erp';
import { createTestDatabase } from '../../../support/postgres-database';
import { contractAccounts, contractUsers, type ErpContractSubject } from '../erp-port-contract';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The example mapping shipped with the adapter: what an admin would start from. */
export const prextraMapping = loadSqlErpMapping(here('../../../../server/erp/sql/examples/prextra-mapping.json'));
export const prextraPostgresSchema = readFileSync(here('../../../../server/erp/sql/examples/prextra-schema.sql'), 'utf8');
const prextraSqliteSchema = readFileSync(here('../fixtures/prextra-schema.sqlite.sql'), 'utf8');

/** The contract's users and companies, as the ERP itself would have entered them. */
const seedStatements = [
  `insert into vendeurs (no_vendeur, nom_complet, courriel) values (10, '${contractUsers.alice.displayName}', '${contractUsers.alice.email}'), (11, '${contractUsers.bruno.displayName}', '${contractUsers.bruno.email}')`,
  `insert into clients (no_client, raison_sociale, ville, pays, no_vendeur) values (500, '${contractAccounts.erable.name}', 'Montréal', 'Canada', 10), (501, '${contractAccounts.lefevre.name}', 'Paris', 'France', 11)`,
];

const ids = { userIds: { alice: '10', bruno: '11' }, accountIds: { erable: '500', lefevre: '501' } };

/** A fresh PostgreSQL database holding the Prextra-style schema, opened through the example mapping. */
export async function openPrextraOnPostgres(now: () => Date): Promise<ErpContractSubject & { url: string }> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(prextraPostgresSchema);
    for (const statement of seedStatements) await client.query(statement);
  } finally {
    await client.end();
  }
  const erp = await openSqlErp({ dialect: 'postgres', connectionString: database.url, mapping: prextraMapping, now, poolSize: 4 });
  return { erp, ...ids, url: database.url, dispose: () => database.drop() };
}

/** The same ERP as a SQLite file in a temporary folder. */
export async function openPrextraOnSqlite(now: () => Date): Promise<ErpContractSubject> {
  const folder = mkdtempSync(join(tmpdir(), 'prextra-'));
  const file = join(folder, 'erp.db');
  const setup = new Database(file);
  setup.exec(prextraSqliteSchema);
  for (const statement of seedStatements) setup.exec(statement);
  setup.close();
  const erp = await openSqlErp({ dialect: 'sqlite', file, mapping: prextraMapping, now });
  return { erp, ...ids, dispose: async () => rmSync(folder, { recursive: true, force: true }) };
}
