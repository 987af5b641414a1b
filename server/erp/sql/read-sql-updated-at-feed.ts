import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { ChangeFeed } from '../../../src/domain/erp-port';
import { clampPageLimit } from '../clamp-page-limit';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor';
import { idParameter, readId } from './sql-column-values';
import type { SqlErpDatabase } from './sql-erp-context';
import type { SqlIdMapping } from './sql-erp-mapping';

type Row = Record<string, unknown>;

const keysetKey = z.tuple([z.string(), z.union([z.string(), z.number()])]);
/** A feed cursor is empty before the first change. */
const feedKey = z.union([keysetKey, z.tuple([])]);

export interface SqlUpdatedAtFeed<T> {
  /** Tags the cursor, so one feed's cursor is refused by another. */
  list: string;
  /** Every row of the table, with its key as `id`; the feed adds its own columns and conditions. */
  rows: SelectQueryBuilder<SqlErpDatabase, string, Row>;
  /** The modification column and the key, as references on the table's alias. */
  updatedAt: RawBuilder<unknown>;
  key: RawBuilder<unknown>;
  keyMapping: SqlIdMapping;
  /** Whether a row is one the reader syncs; a row written after the cursor that is not is reported gone. */
  visible: RawBuilder<boolean>;
  read(rows: Row[]): Promise<T[]>;
}

/**
 * One page of a change feed over a modification column: a keyset on (modification column, key),
 * oldest first. Rows written after the cursor that are outside the reader's scope (soft-deleted,
 * given to another owner) are its `deletedIds`; before a first cursor there is nothing to delete.
 */
export async function readSqlUpdatedAtFeed<T>(feed: SqlUpdatedAtFeed<T>, cursor: string | undefined, limit: number): Promise<ChangeFeed<T>> {
  const pageSize = clampPageLimit(limit);
  const { updatedAt, key } = feed;
  let query = feed.rows.select([sql<string>`cast(${updatedAt} as text)`.as('changedAt'), sql<number>`case when ${feed.visible} then 1 else 0 end`.as('visible')]);
  const after = cursor ? decodeKeysetCursor(cursor, feed.list, feedKey) : [];
  if (after.length) query = query.where(sql<boolean>`(${updatedAt}, ${key}) > (${after[0]}, ${after[1]})`);
  const rows = await query.orderBy(updatedAt).orderBy(key).limit(pageSize + 1).execute();
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const live = page.filter((row) => Number(row.visible) === 1);
  const gone = after.length ? page.filter((row) => Number(row.visible) !== 1).map((row) => readId(row.id) ?? '') : [];
  const lastId = last && (readId(last.id) ?? '');
  return {
    items: await feed.read(live),
    deletedIds: gone,
    nextCursor: last && lastId !== undefined ? encodeKeysetCursor(feed.list, [String(last.changedAt), idParameter(feed.keyMapping, lastId) ?? lastId]) : (cursor ?? encodeKeysetCursor(feed.list, [])),
    hasMore: rows.length > pageSize,
  };
}
