import { sql } from 'kysely';
import { z } from 'zod';
import type { AccountSearch } from '../../../src/domain/erp-port';
import type { ErpAccount } from '../../../src/domain/erp-records';
import type { Page } from '../../../src/domain/page';
import { clampPageLimit } from '../clamp-page-limit';
import { foldSearchText } from '../fold-search-text';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor';
import { omitUndefined } from '../omit-undefined';
import { foldSqlExpression, likePrefix } from './fold-sql-expression';
import { addressColumns, readAddress } from './sql-address-columns';
import { idParameter, readId, readText, readVersion } from './sql-column-values';
import { readSqlTimestamp } from './sql-zoned-timestamp';
import type { SqlErpContext } from './sql-erp-context';

const keysetKey = z.tuple([z.string(), z.union([z.string(), z.number()])]);

/** Companies of a mapped table, listed by folded name, then key. Read-only: the port has no account writes. */
export class SqlAccountRepository {
  constructor(private readonly context: SqlErpContext) {}

  async search(search: AccountSearch): Promise<Page<ErpAccount>> {
    const mapping = this.context.mapping.accounts;
    if (!mapping) return { items: [] };
    const limit = clampPageLimit(search.limit);
    const sortKey = foldSqlExpression(this.context.dialect, sql`coalesce(${sql.ref(mapping.columns.name)}, '')`);
    const idColumn = sql.ref(mapping.id.column);
    let query = this.select(mapping).select(sortKey.as('sortKey'));
    const prefix = search.text === undefined ? '' : foldSearchText(search.text.trim());
    if (prefix) query = query.where(sql<boolean>`${sortKey} like ${likePrefix(prefix)} escape '\\'`);
    if (search.cursor) {
      const [key, id] = decodeKeysetCursor(search.cursor, 'accounts', keysetKey);
      query = query.where(sql<boolean>`(${sortKey}, ${idColumn}) > (${key}, ${id})`);
    }
    const rows = await query.orderBy(sortKey).orderBy(idColumn).limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const lastKey = last && idParameter(mapping.id, readId(last.id) ?? '');
    return omitUndefined({
      items: page.map((row) => toAccount(row, mapping.updatedAtTimeZone)),
      nextCursor: rows.length > limit && last && lastKey !== undefined ? encodeKeysetCursor('accounts', [String(last.sortKey), lastKey]) : undefined,
    });
  }

  async get(id: string): Promise<ErpAccount | undefined> {
    const mapping = this.context.mapping.accounts;
    const key = mapping && idParameter(mapping.id, id);
    if (!mapping || key === undefined) return undefined;
    const row = await this.select(mapping).where(sql.ref(mapping.id.column), '=', key).executeTakeFirst();
    return row && toAccount(row, mapping.updatedAtTimeZone);
  }

  private select(mapping: NonNullable<SqlErpContext['mapping']['accounts']>) {
    const columns = mapping.columns;
    const selections = Object.entries({
      id: mapping.id.column,
      updatedAt: mapping.updatedAt,
      version: mapping.version,
      name: columns.name,
      taxId: columns.taxId,
      phone: columns.phone,
      website: columns.website,
      ownerId: columns.ownerId,
      ...addressColumns(columns.address),
    }).flatMap(([alias, column]) => (column ? [sql.ref(column).as(alias)] : []));
    return this.context.db.selectFrom(mapping.table).select(selections);
  }
}

function toAccount(row: Record<string, unknown>, timeZone: string | undefined): ErpAccount {
  const updatedAt = readSqlTimestamp(row.updatedAt, timeZone) ?? new Date(0).toISOString();
  return omitUndefined<ErpAccount>({
    id: readId(row.id) ?? '',
    name: readText(row.name) ?? '',
    taxId: readText(row.taxId),
    phone: readText(row.phone),
    website: readText(row.website),
    address: readAddress(row),
    ownerId: readId(row.ownerId),
    updatedAt,
    version: readVersion(row.version, updatedAt),
  });
}
