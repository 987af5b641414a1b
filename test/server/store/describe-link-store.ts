import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './describe-store-contract';
import { aLink, aUser } from './store-record-builders';

export function describeLinkStore(store: CurrentStore): void {
  describe('links', () => {
    it('saves a link and finds it by ERP id and by Outlook id', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const link = aLink(user);
      await store().links.upsert(link);
      expect(await store().links.get(user, 'contact', link.erpId)).toEqual(link);
      expect(await store().links.findByOutlookId(user, 'contact', link.outlookId)).toEqual(link);
      expect(await store().links.findByOutlookId(user, 'event', link.outlookId)).toBeUndefined();
    });

    it('replaces the link of the same ERP record instead of adding a second one', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const link = aLink(user);
      await store().links.upsert(link);
      const suppressed = { ...link, state: 'suppressed' as const, missedListings: 1, snapshot: { givenName: 'Émilie' }, updatedAt: '2025-03-02T10:00:00.000Z' };
      await store().links.upsert(suppressed);
      expect(await store().links.listForUser(user, 'contact')).toEqual([suppressed]);
    });

    it('keeps links of different entities apart, even with the same ERP id', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const contact = aLink(user, { erpId: 'X-1', entity: 'contact' });
      const task = aLink(user, { erpId: 'X-1', entity: 'task' });
      await store().links.upsert(contact);
      await store().links.upsert(task);
      expect(await store().links.listForUser(user, 'contact')).toEqual([contact]);
      expect(await store().links.listForUser(user, 'task')).toEqual([task]);
    });

    it('lists a user’s links of one entity sorted by ERP id', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      for (const erpId of ['C-3', 'C-1', 'C-2']) await store().links.upsert(aLink(user, { erpId }));
      expect((await store().links.listForUser(user, 'contact')).map((link) => link.erpId)).toEqual(['C-1', 'C-2', 'C-3']);
    });

    it('lists a user’s links a page at a time, after the last ERP id of the page before', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const links = ['C-3', 'C-1', 'C-2'].map((erpId) => aLink(user, { erpId, outlookId: `o-${erpId}` }));
      for (const link of links) await store().links.upsert(link);
      const first = await store().links.listForUser(user, 'contact', { limit: 2 });
      expect(first.map((link) => link.erpId)).toEqual(['C-1', 'C-2']);
      expect((await store().links.listForUser(user, 'contact', { afterErpId: 'C-2', limit: 2 })).map((link) => link.erpId)).toEqual(['C-3']);
    });

    it('removes a link and says when there was none', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const link = aLink(user);
      await store().links.upsert(link);
      expect(await store().links.remove(user, 'contact', link.erpId)).toBe(true);
      expect(await store().links.get(user, 'contact', link.erpId)).toBeUndefined();
      expect(await store().links.remove(user, 'contact', link.erpId)).toBe(false);
    });
  });
}
