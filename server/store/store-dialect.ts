import type { Store } from './store';

/** Which SQL the store speaks; the migrations differ only in the audit log's id column. */
export type StoreDialect = Store['dialect'];
