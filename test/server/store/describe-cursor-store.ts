import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './describe-store-contract';
import { aCursor, aUser } from './store-record-builders';

export function describeCursorStore(store: CurrentStore): void {
  describe('cursors', () => {
    it('keeps one cursor per collection and replaces it on the next put', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const contacts = aCursor(user, { collection: 'contacts' });
      const events = aCursor(user, { collection: 'events', value: 'events-delta-1' });
      await store().cursors.put(contacts);
      await store().cursors.put(events);
      const next = { ...contacts, value: 'contacts-delta-2', updatedAt: '2025-03-01T10:05:00.000Z' };
      await store().cursors.put(next);
      expect(await store().cursors.get(user, 'contacts')).toEqual(next);
      expect(await store().cursors.get(user, 'events')).toEqual(events);
    });

    it('drops an expired cursor so the next run starts over', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      await store().cursors.put(aCursor(user));
      expect(await store().cursors.remove(user, 'contacts')).toBe(true);
      expect(await store().cursors.get(user, 'contacts')).toBeUndefined();
      expect(await store().cursors.remove(user, 'contacts')).toBe(false);
    });
  });
}
