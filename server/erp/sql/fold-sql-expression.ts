import type Database from 'better-sqlite3';
import { sql, type RawBuilder } from 'kysely';
import { foldSearchText } from '../fold-search-text';
import type { SqlErpDialect } from './sql-erp-context';

/** Accented Latin letters and their plain form, from the same `foldSearchText` the demo ERP uses. */
const [ACCENTED, PLAIN] = (() => {
  let from = '';
  let to = '';
  for (let code = 0xc0; code <= 0x24f; code++) {
    const letter = String.fromCodePoint(code);
    const folded = foldSearchText(letter);
    if (folded.length === 1 && /[a-z]/.test(folded)) {
      from += letter;
      to += folded;
    }
  }
  return [from, to];
})();

const SQLITE_FOLD = 'erp_bridge_fold';

/**
 * `expression` folded as `foldSearchText` does, in SQL: PostgreSQL's `translate` with the table
 * above (no `unaccent` extension needed), SQLite's through a function registered on the connection.
 */
export function foldSqlExpression(dialect: SqlErpDialect, expression: RawBuilder<unknown>): RawBuilder<string> {
  if (dialect === 'sqlite') return sql<string>`${sql.raw(SQLITE_FOLD)}(${expression})`;
  return sql<string>`lower(translate(${expression}, ${sql.lit(ACCENTED)}, ${sql.lit(PLAIN)}))`;
}

/** Makes `foldSqlExpression` work on a SQLite connection. */
export function registerSqliteFold(database: Database.Database): void {
  database.function(SQLITE_FOLD, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldSearchText(value) : value));
}

/** `%`, `_` and `\` match themselves in `LIKE … ESCAPE '\'`. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
