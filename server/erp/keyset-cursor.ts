import type { z } from 'zod';
import { ErpError } from '../../src/domain/erp-port';

/**
 * Opaque keyset cursors: the last row's sort key, tagged with the list it belongs to so a
 * contacts cursor handed to the actions list is refused instead of silently mis-paging.
 *
 * @example
 * const cursor = encodeKeysetCursor('contacts', ['nunez jose', 42]);
 * decodeKeysetCursor(cursor, 'contacts', z.tuple([z.string(), z.number()])); // ['nunez jose', 42]
 */
export function encodeKeysetCursor(list: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

export function decodeKeysetCursor<T extends z.ZodType>(cursor: string, list: string, key: T): z.infer<T> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(list);
  }
  if (!Array.isArray(decoded) || decoded[0] !== list) throw invalidCursor(list);
  const parsed = key.safeParse(decoded.slice(1));
  if (!parsed.success) throw invalidCursor(list);
  return parsed.data;
}

function invalidCursor(list: string): ErpError {
  return new ErpError('invalid_input', `cursor is not one this ${list} list handed out`);
}
