import type { Kysely } from 'kysely';
import type { SqlErpMapping } from './sql-erp-mapping';

/** Tables and columns are named by the mapping at run time, so rows are plain records. */
export type SqlErpDatabase = Record<string, Record<string, unknown>>;

export type SqlErpDialect = 'postgres' | 'sqlite';

/** What every repository of the sql adapter works with. */
export interface SqlErpContext {
  db: Kysely<SqlErpDatabase>;
  dialect: SqlErpDialect;
  mapping: SqlErpMapping;
  now: () => Date;
  /** Keys of `generated: "uuid"` tables. */
  newId: () => string;
}
