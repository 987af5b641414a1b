import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../../server/erp/keyset-cursor';

const key = z.tuple([z.string(), z.number()]);

describe('keyset cursors', () => {
  it('give back the key they were made from', () => {
    const cursor = encodeKeysetCursor('contacts', ['núñez jose', 42]);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeKeysetCursor(cursor, 'contacts', key)).toEqual(['núñez jose', 42]);
  });

  it('are refused by another list, and when forged', () => {
    const cursor = encodeKeysetCursor('contacts', ['a', 1]);
    expect(() => decodeKeysetCursor(cursor, 'actions', key)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => decodeKeysetCursor('%%%', 'contacts', key)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => decodeKeysetCursor(encodeKeysetCursor('contacts', [1, 'a']), 'contacts', key)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
