import { describeErpPortContract } from '../erp-port-contract';
import { openPrextraOnPostgres, openPrextraOnSqlite } from './prextra-erp';

describeErpPortContract('the sql adapter over a Prextra-style PostgreSQL schema', openPrextraOnPostgres);
describeErpPortContract('the sql adapter over the same schema in SQLite', openPrextraOnSqlite);
