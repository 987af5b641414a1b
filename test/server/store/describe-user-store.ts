import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../server/store/store-error';
import type { CurrentStore } from './describe-store-contract';
import { aLink, aUser, aUserKey } from './store-record-builders';

export function describeUserStore(store: CurrentStore): void {
  describe('users', () => {
    it('creates a user on first sight with both seen dates set to now', async () => {
      const user = aUser();
      const created = await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      expect(created).toEqual({ ...user, firstSeenAt: '2025-03-01T10:00:00.000Z', lastSeenAt: '2025-03-01T10:00:00.000Z' });
      expect(await store().users.get(user)).toEqual(created);
    });

    it('refreshes email, name and last seen on a later sight but keeps first seen and the ERP override', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      await store().users.setErpUserOverride(user, 'ERP-USER-7');
      const seenAgain = await store().users.upsert({ ...user, email: 'ana@example.es', displayName: 'Ana García López' }, '2025-03-02T08:30:00.000Z');
      expect(seenAgain).toMatchObject({ email: 'ana@example.es', displayName: 'Ana García López', erpUserIdOverride: 'ERP-USER-7' });
      expect(seenAgain.firstSeenAt).toBe('2025-03-01T10:00:00.000Z');
      expect(seenAgain.lastSeenAt).toBe('2025-03-02T08:30:00.000Z');
    });

    it('keeps whether a user is a guest of the tenant, as their last sign-in said', async () => {
      const user = aUser();
      expect((await store().users.upsert({ ...user, isGuest: true }, '2025-03-01T10:00:00.000Z')).isGuest).toBe(true);
      expect((await store().users.get(user))?.isGuest).toBe(true);
      expect((await store().users.upsert(user, '2025-03-02T10:00:00.000Z')).isGuest).toBeUndefined();
    });

    it('stores dates normalised to UTC', async () => {
      const user = aUser();
      const created = await store().users.upsert(user, '2025-03-01T11:00:00+01:00');
      expect(created.firstSeenAt).toBe('2025-03-01T10:00:00.000Z');
    });

    it('refuses a date that is not ISO 8601', async () => {
      await expect(store().users.upsert(aUser(), 'yesterday')).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('returns nothing for an unknown user', async () => {
      expect(await store().users.get(aUserKey())).toBeUndefined();
    });

    it('lists the users of one environment sorted by email', async () => {
      const environment = aUser().environment;
      const zoe = aUser({ environment, email: 'zoe@example.com' });
      const bruno = aUser({ environment, email: 'bruno@example.com' });
      await store().users.upsert(zoe, '2025-03-01T10:00:00.000Z');
      await store().users.upsert(bruno, '2025-03-01T10:00:00.000Z');
      await store().users.upsert(aUser(), '2025-03-01T10:00:00.000Z');
      const listed = await store().users.listByEnvironment(environment);
      expect(listed.map((user) => user.email)).toEqual(['bruno@example.com', 'zoe@example.com']);
    });

    it('sets and clears the ERP user override, and says when the user does not exist', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      expect(await store().users.setErpUserOverride(user, 'ERP-USER-7')).toBe(true);
      expect((await store().users.get(user))?.erpUserIdOverride).toBe('ERP-USER-7');
      expect(await store().users.setErpUserOverride(user, undefined)).toBe(true);
      expect(await store().users.get(user)).not.toHaveProperty('erpUserIdOverride');
      expect(await store().users.setErpUserOverride(aUserKey(), 'ERP-USER-7')).toBe(false);
    });

    it('removes a user with their links, and says when there was none', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const link = aLink(user);
      await store().links.upsert(link);
      expect(await store().users.remove(user)).toBe(true);
      expect(await store().users.get(user)).toBeUndefined();
      expect(await store().links.listForUser(user, 'contact')).toEqual([]);
      expect(await store().users.remove(user)).toBe(false);
    });

    it('refuses per-user rows for a user it has never seen', async () => {
      const stranger = aUserKey();
      const attempt = store().links.upsert(aLink(stranger));
      await expect(attempt).rejects.toBeInstanceOf(StoreError);
      await expect(attempt).rejects.toMatchObject({ code: 'unknown_user' });
    });
  });
}
