import { describeErpPortContract } from '../erp-port-contract';
import { openGestionaOnPostgres, openGestionaOnSqlite } from './gestiona-erp';

describeErpPortContract('the sql adapter over a Spanish-style PostgreSQL schema (full name, BAJA flag, child email table, Madrid wall clock)', (now) => openGestionaOnPostgres(now));
describeErpPortContract('the sql adapter over the Spanish-style schema, finding changes by content hash', (now) =>
  openGestionaOnPostgres(now, (contacts) => ({ ...contacts, changeDetection: 'contentHash' })),
);
describeErpPortContract('the sql adapter over the Spanish-style schema in SQLite', openGestionaOnSqlite);
