import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './describe-store-contract';
import { aConflict, aUser } from './store-record-builders';

export function describeConflictStore(store: CurrentStore): void {
  describe('conflicts', () => {
    it('records a conflict with both values and reads it back', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const conflict = aConflict(user, { field: 'emails', erpValue: ['ana@example.es', 'ventas@example.es'], outlookValue: { address: 'ana@example.es' } });
      await store().conflicts.add(conflict);
      expect(await store().conflicts.get(user, conflict.id)).toEqual(conflict);
    });

    it('tells a cleared value (null) from an absent one (undefined)', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const conflict = aConflict(user, { erpValue: null, outlookValue: undefined });
      await store().conflicts.add(conflict);
      const read = await store().conflicts.get(user, conflict.id);
      expect(read?.erpValue).toBeNull();
      expect(read?.outlookValue).toBeUndefined();
    });

    it('lists a user’s conflicts oldest first, optionally by status', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const later = aConflict(user, { createdAt: '2025-03-01T12:00:00.000Z' });
      const earlier = aConflict(user, { createdAt: '2025-03-01T09:00:00.000Z' });
      const done = aConflict(user, { createdAt: '2025-03-01T08:00:00.000Z', status: 'resolved', resolution: 'erp', resolvedAt: '2025-03-01T08:30:00.000Z' });
      for (const conflict of [later, earlier, done]) await store().conflicts.add(conflict);
      expect((await store().conflicts.listForUser(user)).map((conflict) => conflict.id)).toEqual([done.id, earlier.id, later.id]);
      expect((await store().conflicts.listForUser(user, 'open')).map((conflict) => conflict.id)).toEqual([earlier.id, later.id]);
      expect(await store().conflicts.listForUser(user, 'resolved')).toEqual([done]);
    });

    it('resolves an open conflict once, recording the side that won and when', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const conflict = aConflict(user);
      await store().conflicts.add(conflict);
      expect(await store().conflicts.resolve(user, conflict.id, 'outlook', '2025-03-01T11:00:00.000Z')).toBe(true);
      expect(await store().conflicts.get(user, conflict.id)).toEqual({ ...conflict, status: 'resolved', resolution: 'outlook', resolvedAt: '2025-03-01T11:00:00.000Z' });
      expect(await store().conflicts.resolve(user, conflict.id, 'erp', '2025-03-01T11:05:00.000Z')).toBe(false);
      expect((await store().conflicts.get(user, conflict.id))?.resolution).toBe('outlook');
    });

    it('says when there is no conflict to resolve', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      expect(await store().conflicts.resolve(user, 'no-such-conflict', 'erp', '2025-03-01T11:00:00.000Z')).toBe(false);
    });
  });
}
