import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './describe-store-contract';
import { anAuditEntry, aUserKey } from './store-record-builders';

export function describeAuditStore(store: CurrentStore): void {
  describe('audit log', () => {
    it('appends entries with increasing ids and lists them newest first', async () => {
      const user = aUserKey();
      const first = await store().audit.append(anAuditEntry(user, { action: 'contact.create' }));
      const second = await store().audit.append(anAuditEntry(user, { action: 'email.log', details: { itemKey: 'email:<a@b>', accents: 'Müller, Peña' } }));
      expect(second).toBeGreaterThan(first);
      const listed = await store().audit.listForUser(user, { limit: 10 });
      expect(listed).toEqual([
        { id: second, ...anAuditEntry(user, { action: 'email.log', details: { itemKey: 'email:<a@b>', accents: 'Müller, Peña' } }) },
        { id: first, ...anAuditEntry(user, { action: 'contact.create' }) },
      ]);
    });

    it('pages backwards from the last id seen', async () => {
      const user = aUserKey();
      const ids: number[] = [];
      for (let index = 0; index < 5; index += 1) ids.push(await store().audit.append(anAuditEntry(user, { targetId: `C-${index}` })));
      const firstPage = await store().audit.listForUser(user, { limit: 2 });
      const secondPage = await store().audit.listForUser(user, { limit: 2, beforeId: firstPage.at(-1)?.id });
      expect([...firstPage, ...secondPage].map((entry) => entry.id)).toEqual(ids.slice(1).reverse());
    });

    it('keeps the audit trail of users it does not know, since it outlives them', async () => {
      const stranger = aUserKey();
      await store().audit.append(anAuditEntry(stranger));
      expect(await store().audit.listForUser(stranger, { limit: 1 })).toHaveLength(1);
    });

    it('refuses a page size that is not a positive integer', async () => {
      await expect(store().audit.listForUser(aUserKey(), { limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(store().audit.listForUser(aUserKey(), { limit: -1 })).rejects.toMatchObject({ code: 'invalid_input' });
    });
  });
}
