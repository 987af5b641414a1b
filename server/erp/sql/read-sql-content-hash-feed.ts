import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ChangeFeed, MailboxScope } from '../../../src/domain/erp-port';
import type { ErpContact } from '../../../src/domain/erp-records';
import { clampPageLimit } from '../clamp-page-limit';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor';
import { readSqlContactRows } from './read-sql-contact';
import { selectSqlContactRows } from './select-sql-contacts';
import { idParameter, readId } from './sql-column-values';
import { sqlContactVisible } from './sql-contact-scope';
import type { SqlErpContext } from './sql-erp-context';

/** Rows are hashed into this many buckets; the cursor keeps one 32-bit sum per bucket (about 7 kB of text). */
const BUCKETS = 1024;
/** Rows read per query while walking the table. */
const CHUNK = 1000;
const LIST = 'contact-hashes';

const key = z.union([z.string(), z.number()]);
/** `[sums]` between rounds; `[sums, changed buckets, last key reported]` while a round's changes are paged out. */
const cursorSchema = z.union([z.tuple([z.string()]), z.tuple([z.string(), z.string(), key])]);

interface WalkedRow {
  key: string | number;
  id: string;
  visible: boolean;
  contact: ErpContact;
}

/**
 * The change feed of an ERP whose modification column cannot be trusted: each round reads the whole
 * table in key order, hashes every row's content (and whether it is in scope), and compares the
 * per-bucket sums with those of the last round in the cursor. The rows of the buckets whose sum
 * moved are reported, those out of scope or soft-deleted as `deletedIds`, so an edit that leaves
 * the modification column alone is seen on the next run. A hard-deleted row shows only when
 * another row shares its bucket; otherwise the next full listing finds it gone.
 */
export async function readSqlContentHashFeed(context: SqlErpContext, cursor: string | undefined, limit: number, mailbox?: MailboxScope): Promise<ChangeFeed<ErpContact>> {
  const pageSize = clampPageLimit(limit);
  const state = cursor === undefined ? undefined : decodeKeysetCursor(cursor, LIST, cursorSchema);
  let sums: Uint32Array;
  let changed: Uint8Array;
  let after: string | number | undefined;
  let first = false;
  if (state?.length === 3) {
    sums = decodeSums(state[0]);
    changed = new Uint8Array(Buffer.from(state[1], 'base64'));
    after = state[2];
  } else {
    const previous = state && decodeSums(state[0]);
    sums = new Uint32Array(BUCKETS);
    for await (const row of walk(context, undefined, mailbox)) sums[bucketOf(row.id)] = ((sums[bucketOf(row.id)] ?? 0) + rowHash(row)) >>> 0;
    changed = new Uint8Array(BUCKETS / 8);
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      if (previous === undefined || previous[bucket] !== sums[bucket]) changed[bucket >> 3] = (changed[bucket >> 3] ?? 0) | (1 << (bucket & 7));
    }
    first = previous === undefined;
    if (changed.every((byte) => byte === 0)) return { items: [], deletedIds: [], nextCursor: encodeKeysetCursor(LIST, [encodeSums(sums)]), hasMore: false };
  }
  const items: WalkedRow[] = [];
  const deletedIds: string[] = [];
  for await (const row of walk(context, after, mailbox)) {
    const bucket = bucketOf(row.id);
    if (!((changed[bucket >> 3] ?? 0) & (1 << (bucket & 7)))) continue;
    if (row.visible) items.push(row);
    // Before a first round there is nothing to delete: rows already gone are not listed at all.
    else if (!first) deletedIds.push(row.id);
    if (items.length + deletedIds.length >= pageSize) {
      const nextCursor = encodeKeysetCursor(LIST, [encodeSums(sums), Buffer.from(changed).toString('base64'), row.key]);
      return { items: items.map((item) => item.contact), deletedIds, nextCursor, hasMore: true };
    }
  }
  return { items: items.map((item) => item.contact), deletedIds, nextCursor: encodeKeysetCursor(LIST, [encodeSums(sums)]), hasMore: false };
}

/** Every row after `after`, in key order, read `CHUNK` at a time. */
async function* walk(context: SqlErpContext, after: string | number | undefined, mailbox: MailboxScope | undefined): AsyncGenerator<WalkedRow> {
  const mapping = context.mapping.contacts;
  const idColumn = sql.ref(`c.${mapping.id.column}`);
  const visible = sqlContactVisible(context, mailbox);
  let last = after;
  for (;;) {
    const rows = await selectSqlContactRows(context, context.db)
      .select(sql<number>`case when ${visible} then 1 else 0 end`.as('visible'))
      .$if(last !== undefined, (query) => query.where(idColumn, '>', last ?? ''))
      .orderBy(idColumn)
      .limit(CHUNK)
      .execute();
    const contacts = await readSqlContactRows(context, context.db, rows);
    for (const [index, row] of rows.entries()) {
      const id = readId(row.id) ?? '';
      const contact = contacts[index];
      if (contact) yield { key: idParameter(mapping.id, id) ?? id, id, visible: Number(row.visible) === 1, contact };
    }
    const lastRow = rows.at(-1);
    if (rows.length < CHUNK || !lastRow) return;
    const lastId = readId(lastRow.id) ?? '';
    last = idParameter(mapping.id, lastId) ?? lastId;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function bucketOf(id: string): number {
  return digest(id).readUInt16BE(0) % BUCKETS;
}

/** The row's content without its modification time, which is what cannot be trusted. */
function rowHash({ id, visible, contact }: WalkedRow): number {
  const { updatedAt: _updatedAt, version: _version, ...content } = contact;
  return digest(`${id}\n${visible ? 1 : 0}\n${JSON.stringify(content)}`).readUInt32BE(0);
}

function encodeSums(sums: Uint32Array): string {
  const buffer = Buffer.alloc(sums.length * 4);
  sums.forEach((sum, index) => buffer.writeUInt32BE(sum, index * 4));
  return buffer.toString('base64');
}

function decodeSums(text: string): Uint32Array {
  const buffer = Buffer.from(text, 'base64');
  const sums = new Uint32Array(BUCKETS);
  for (let bucket = 0; bucket < BUCKETS && bucket * 4 + 4 <= buffer.length; bucket++) sums[bucket] = buffer.readUInt32BE(bucket * 4);
  return sums;
}
