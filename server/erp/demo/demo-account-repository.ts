import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { AccountSearch } from '../../../src/domain/erp-port';
import type { ErpAccount } from '../../../src/domain/erp-records';
import type { Page } from '../../../src/domain/page';
import { clampPageLimit } from '../clamp-page-limit';
import { foldSearchText } from '../fold-search-text';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor';
import { omitUndefined } from '../omit-undefined';
import { addressFromColumns } from './address-columns';
import type { AccountTable, DemoErpDatabase } from './demo-erp-database';
import { parseDemoId } from './parse-demo-id';

const accountKey = z.tuple([z.string(), z.number().int()]);

/** Companies of the demo ERP, listed by folded name, then id. */
export class DemoAccountRepository {
  constructor(private readonly db: Kysely<DemoErpDatabase>) {}

  async search(search: AccountSearch): Promise<Page<ErpAccount>> {
    const limit = clampPageLimit(search.limit);
    let query = this.db.selectFrom('accounts').selectAll();
    const prefix = search.text === undefined ? '' : foldSearchText(search.text.trim());
    if (prefix) query = query.where('name_key', '>=', prefix).where('name_key', '<', `${prefix}\u{10FFFF}`);
    if (search.cursor) {
      const [key, id] = decodeKeysetCursor(search.cursor, 'accounts', accountKey);
      query = query.where((eb) => eb(eb.refTuple('name_key', 'id'), '>', eb.tuple(key, id)));
    }
    const rows = await query.orderBy('name_key').orderBy('id').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return omitUndefined({
      items: page.map(toErpAccount),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor('accounts', [last.name_key, last.id]) : undefined,
    });
  }

  async get(id: string): Promise<ErpAccount | undefined> {
    const numeric = parseDemoId(id);
    if (numeric === undefined) return undefined;
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', numeric).executeTakeFirst();
    return row && toErpAccount(row);
  }
}

function toErpAccount(row: Selectable<AccountTable>): ErpAccount {
  return omitUndefined<ErpAccount>({
    id: String(row.id),
    name: row.name,
    taxId: row.tax_id ?? undefined,
    phone: row.phone ?? undefined,
    website: row.website ?? undefined,
    address: addressFromColumns(row),
    ownerId: row.owner_id === null ? undefined : String(row.owner_id),
    updatedAt: row.updated_at,
    version: row.version,
  });
}
