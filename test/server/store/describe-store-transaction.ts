import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './describe-store-contract';
import { aCursor, aLink, aUser, aUserKey } from './store-record-builders';

export function describeStoreTransaction(store: CurrentStore): void {
  describe('transactions', () => {
    it('saves links and the delta cursor they came from together', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const link = aLink(user);
      const cursor = aCursor(user);
      const result = await store().transaction(async (transaction) => {
        await transaction.links.upsert(link);
        await transaction.cursors.put(cursor);
        return 'saved';
      });
      expect(result).toBe('saved');
      expect(await store().links.get(user, 'contact', link.erpId)).toEqual(link);
      expect(await store().cursors.get(user, 'contacts')).toEqual(cursor);
    });

    it('saves neither when the work throws, and rethrows the same error', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const link = aLink(user);
      const failure = new Error('Graph answered 503 mid-run');
      const attempt = store().transaction(async (transaction) => {
        await transaction.links.upsert(link);
        await transaction.cursors.put(aCursor(user));
        throw failure;
      });
      await expect(attempt).rejects.toBe(failure);
      expect(await store().links.get(user, 'contact', link.erpId)).toBeUndefined();
      expect(await store().cursors.get(user, 'contacts')).toBeUndefined();
    });

    it('rolls back earlier writes when a later write fails', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const link = aLink(user);
      const attempt = store().transaction(async (transaction) => {
        await transaction.links.upsert(link);
        await transaction.cursors.put(aCursor(aUserKey()));
      });
      await expect(attempt).rejects.toMatchObject({ code: 'unknown_user' });
      expect(await store().links.get(user, 'contact', link.erpId)).toBeUndefined();
    });

    it('joins a nested transaction to the enclosing one, so both roll back together', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const outer = aLink(user, { erpId: 'C-outer' });
      const inner = aLink(user, { erpId: 'C-inner' });
      const attempt = store().transaction(async (transaction) => {
        await transaction.links.upsert(outer);
        await transaction.transaction((nested) => nested.links.upsert(inner));
        throw new Error('stop');
      });
      await expect(attempt).rejects.toThrow('stop');
      expect(await store().links.listForUser(user, 'contact')).toEqual([]);
    });

    it('keeps the store usable after a rolled-back transaction', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      await expect(store().transaction(() => Promise.reject(new Error('stop')))).rejects.toThrow('stop');
      const link = aLink(user);
      await store().links.upsert(link);
      expect(await store().links.get(user, 'contact', link.erpId)).toEqual(link);
    });
  });
}
