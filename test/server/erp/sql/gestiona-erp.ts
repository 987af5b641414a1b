import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadSqlErpMapping } from '../../../../server/erp/sql/load-sql-erp-mapping';
import { openSqlErp } from '../../../../server/erp/sql/open-sql-erp';
import type { SqlErpMapping } from '../../../../server/erp/sql/sql-erp-mapping';
import { createTestDatabase } from '../../../support/postgres-database';
import { contractAccounts, contractUsers, type ErpContractSubject } from '../erp-port-contract';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The Spanish example shipped with the adapter: a full-name column, a BAJA flag, emails in a child table, Madrid wall-clock times. */
export const gestionaMapping = loadSqlErpMapping(here('../../../../server/erp/sql/examples/gestiona-mapping.json'));
const gestionaSchema = readFileSync(here('../../../../server/erp/sql/examples/gestiona-schema.sql'), 'utf8');

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
