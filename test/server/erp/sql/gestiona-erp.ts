import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadSqlErpMapping } from '../../../../server/erp/sql/load-sql-erp-mapping';
import { openSqlErp } from '../../../../server/erp/sql/open-sql-erp';
import type { SqlErpMapping } from '../../../../server/erp/sql/sql-erp-mapping';
import { sqlTimestampParameter } from '../../../../server/erp/sql/sql-zoned-timestamp';
import { createTestDatabase } from '../../../support/postgres-database';
import { contractAccounts, contractUsers, type ErpContractSubject } from '../erp-port-contract';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The Spanish example shipped with the adapter: a full-name column, a BAJA flag, emails in a child table, Madrid wall-clock times. */
export const gestionaMapping = loadSqlErpMapping(here('../../../../server/erp/sql/examples/gestiona-mapping.json'));
const gestionaSchema = readFileSync(here('../../../../server/erp/sql/examples/gestiona-schema.sql'), 'utf8');
const gestionaSqliteSchema = readFileSync(here('../fixtures/gestiona-schema.sqlite.sql'), 'utf8');

const seedStatements = [
  `insert into "VENDEDORES" ("ID_VENDEDOR", "NOMBRE", "EMAIL") values (10, '${contractUsers.alice.displayName}', '${contractUsers.alice.email}'), (11, '${contractUsers.bruno.displayName}', '${contractUsers.bruno.email}')`,
  `insert into "CLIENTES" ("ID_CLIENTE", "RAZON_SOCIAL", "POBLACION", "PAIS", "ID_VENDEDOR") values (500, '${contractAccounts.erable.name}', 'Montréal', 'Canada', 10), (501, '${contractAccounts.lefevre.name}', 'Paris', 'France', 11)`,
];

const ids = { userIds: { alice: '10', bruno: '11' }, accountIds: { erable: '500', lefevre: '501' } };

/**
 * A fresh PostgreSQL database holding the Spanish-style schema, opened through the example mapping
 * (with `contacts` changed by `adjust`). Deleting a contact is what the ERP does: BAJA = 'S' and a
 * new FECHA_MODIF in Madrid time.
 */
export async function openGestionaOnPostgres(
  now: () => Date,
  adjust: (contacts: SqlErpMapping['contacts']) => SqlErpMapping['contacts'] = (contacts) => contacts,
): Promise<ErpContractSubject & { url: string }> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(gestionaSchema);
    for (const statement of seedStatements) await client.query(statement);
  } finally {
    await client.end();
  }
  const erp = await openSqlErp({ dialect: 'postgres', connectionString: database.url, mapping: { ...gestionaMapping, contacts: adjust(gestionaMapping.contacts) }, now, poolSize: 4 });
  const deleteContact = async (id: string) => {
    const erpClient = new pg.Client({ connectionString: database.url });
    await erpClient.connect();
    try {
      await erpClient.query(`update "CLIENTES_CONTACTOS" set "BAJA" = 'S', "FECHA_MODIF" = now() at time zone 'Europe/Madrid' where "ID_CONTACTO" = $1`, [Number(id)]);
    } finally {
      await erpClient.end();
    }
  };
  return { erp, ...ids, url: database.url, deleteContact, dispose: () => database.drop() };
}

/** The same ERP as a SQLite file in a temporary folder. */
export async function openGestionaOnSqlite(now: () => Date): Promise<ErpContractSubject> {
  const folder = mkdtempSync(join(tmpdir(), 'gestiona-'));
  const file = join(folder, 'erp.db');
  const setup = new Database(file);
  setup.exec(gestionaSqliteSchema);
  for (const statement of seedStatements) setup.exec(statement);
  setup.close();
  const erp = await openSqlErp({ dialect: 'sqlite', file, mapping: gestionaMapping, now });
  const deleteContact = async (id: string) => {
    const database = new Database(file);
    try {
      database.prepare(`update "CLIENTES_CONTACTOS" set "BAJA" = 'S', "FECHA_MODIF" = ? where "ID_CONTACTO" = ?`).run(sqlTimestampParameter('sqlite', new Date(), 'Europe/Madrid'), Number(id));
    } finally {
      database.close();
    }
  };
  return { erp, ...ids, deleteContact, dispose: async () => rmSync(folder, { recursive: true, force: true }) };
}
