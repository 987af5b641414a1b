import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { ErpPort } from '../../../src/domain/erp-port';
import { guardErpCall } from '../guard-erp-call';
import { guardErpRepositories } from '../guard-erp-repositories';
import { registerSqliteFold } from './fold-sql-expression';
import { parseSqlErpMapping } from './load-sql-erp-mapping';
import { SqlAccountRepository } from './sql-account-repository';
import { SqlActionRepository } from './sql-action-repository';
import { SqlContactRepository } from './sql-contact-repository';
import type { SqlErpContext, SqlErpDatabase } from './sql-erp-context';
import type { SqlErpMapping, SqlErpMappingInput } from './sql-erp-mapping';
import { SqlUserRepository } from './sql-user-repository';
import { verifySqlErpMapping } from './verify-sql-erp-mapping';

interface CommonOptions {
  /** Parsed or raw (then validated here) mapping; `loadSqlErpMapping` reads one from a file. */
  mapping: SqlErpMapping | SqlErpMappingInput;
  now?: () => Date;
  /** Keys for `generated: "uuid"` tables. */
  newId?: () => string;
  /** Checks every mapped table and column at open (default true). */
  verify?: boolean;
}

export type OpenSqlErpOptions =
  | (CommonOptions & { dialect: 'postgres'; connectionString: string; poolSize?: number; onIdleConnectionError?: (error: Error) => void })
  | (CommonOptions & { dialect: 'sqlite'; file: string });

// Timestamps and dates come back as the server's text: no local-time Date for `timestamp` and
// `date` columns, no lost microseconds. `readInstant` and `readDate` parse them.
const TEXT_TYPES = new Set([1082, 1114, 1184]);
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => (TEXT_TYPES.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format)),
};

/**
 * Opens an existing ERP database through a table/column mapping.
 *
 * @example
 * const erp = await openSqlErp({ dialect: 'postgres', connectionString: process.env.ACME_ERP_URL!, mapping: loadSqlErpMapping('mappings/acme.json') });
 * const page = await erp.searchContacts({ email: 'Marie.Roy@Example.ca', limit: 5 });
 */
export async function openSqlErp(options: OpenSqlErpOptions): Promise<ErpPort> {
  const mapping = parseSqlErpMapping(options.mapping);
  let db: Kysely<SqlErpDatabase>;
  if (options.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10, types: pgTypes });
    // An idle connection dropped by the server (restart, failover) must not crash the bridge: the pool reconnects on the next query.
    pool.on('error', options.onIdleConnectionError ?? (() => {}));
    db = new Kysely<SqlErpDatabase>({ dialect: new PostgresDialect({ pool }) });
  } else {
    const database = new Database(options.file, { fileMustExist: options.file !== ':memory:' });
    registerSqliteFold(database);
    db = new Kysely<SqlErpDatabase>({ dialect: new SqliteDialect({ database }) });
  }
  const context: SqlErpContext = { db, dialect: options.dialect, mapping, now: options.now ?? (() => new Date()), newId: options.newId ?? randomUUID };
  try {
    await guardErpCall('answer', () => sql`select 1`.execute(db));
    if (options.verify ?? true) await verifySqlErpMapping(context);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createSqlErp(context);
}

function createSqlErp(context: SqlErpContext): ErpPort {
  const users = new SqlUserRepository(context);
  const accounts = new SqlAccountRepository(context);
  const contacts = new SqlContactRepository(context);
  const actions = new SqlActionRepository(context);
  return {
    kind: 'sql',
    ...guardErpRepositories({ ping: () => sql`select 1`.execute(context.db), users, contacts, accounts, actions }),
    close: () => context.db.destroy(),
  };
}
