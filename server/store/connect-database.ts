import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { StoreDatabase } from './store-database';
import type { StoreDialect } from './store-dialect';
import { StoreError } from './store-error';

export interface ConnectionOptions {
  /** Folder a relative SQLite file is resolved against (the configuration file's); the working directory by default. */
  baseDir?: string;
  /** PostgreSQL pool size. */
  maxConnections?: number;
  /** A pooled PostgreSQL connection that fails while idle (server restart); the next query opens a new one. */
  onIdleConnectionError?: (error: Error) => void;
}

/** How long a SQLite writer waits for another process's lock before failing with SQLITE_BUSY. */
const sqliteBusyTimeoutMs = 5_000;

/**
 * Opens the database behind a store URL, without migrating it:
 * `sqlite:<file>`, `sqlite::memory:`, or `postgres://…` / `postgresql://…`.
 */
export function connectDatabase(url: string, options: ConnectionOptions = {}): { db: Kysely<StoreDatabase>; dialect: StoreDialect } {
  if (url.startsWith('sqlite:')) return { db: connectSqlite(url.slice('sqlite:'.length), options.baseDir), dialect: 'sqlite' };
  if (/^postgres(ql)?:\/\//.test(url)) return { db: connectPostgres(url, options), dialect: 'postgres' };
  throw new StoreError('unsupported_url', `store URL must be sqlite:<file>, sqlite::memory: or postgres://…, got "${url.split(':')[0]}:…"`);
}

function connectSqlite(name: string, baseDir = process.cwd()): Kysely<StoreDatabase> {
  if (name === '') throw new StoreError('unsupported_url', 'store URL sqlite: names no file; use sqlite:<file> or sqlite::memory:');
  const file = name === ':memory:' ? name : resolve(baseDir, name);
  // The default `sqlite:./data/bridge.db` must work on a fresh checkout.
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file, { timeout: sqliteBusyTimeoutMs });
  // WAL lets readers (admin views) run while the sync engine writes.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  return new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) });
}

function connectPostgres(url: string, options: ConnectionOptions): Kysely<StoreDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // Without a listener, an idle client's error (e.g. the server restarting) would crash the process.
  pool.on('error', options.onIdleConnectionError ?? (() => {}));
  return new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
}
