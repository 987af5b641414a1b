import { describe, expect, it } from 'vitest';
import type { CurrentStore, OpenTestStore } from './describe-store-contract';
import { aUser } from './store-record-builders';

const serializedCache = JSON.stringify({ RefreshToken: { 'uid.utid-login.microsoftonline.com-refreshtoken-app--': { secret: '0.AXEA-refresh-ñ' } } });

export function describeTokenCacheStore(store: CurrentStore, open: OpenTestStore): void {
  describe('token cache', () => {
    it('gives back the cache it was given, and the latest one after a change', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      await store().tokenCache.put(user, serializedCache, '2025-03-01T10:00:00.000Z');
      expect(await store().tokenCache.get(user)).toBe(serializedCache);
      await store().tokenCache.put(user, '{"RefreshToken":{}}', '2025-03-01T11:00:00.000Z');
      expect(await store().tokenCache.get(user)).toBe('{"RefreshToken":{}}');
    });

    it('forgets the cache of a user who signs out', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      await store().tokenCache.put(user, serializedCache, '2025-03-01T10:00:00.000Z');
      expect(await store().tokenCache.remove(user)).toBe(true);
      expect(await store().tokenCache.get(user)).toBeUndefined();
      expect(await store().tokenCache.remove(user)).toBe(false);
    });

    it('refuses to read or write tokens when opened without a key, but still removes them', async () => {
      const keyless = await open();
      try {
        const user = aUser();
        await keyless.users.upsert(user, '2025-03-01T10:00:00.000Z');
        await expect(keyless.tokenCache.put(user, serializedCache, '2025-03-01T10:00:00.000Z')).rejects.toMatchObject({ code: 'encryption_key_missing' });
        await expect(keyless.tokenCache.get(user)).rejects.toMatchObject({ code: 'encryption_key_missing' });
        expect(await keyless.tokenCache.remove(user)).toBe(false);
      } finally {
        await keyless.close();
      }
    });

    it('refuses to open with a key that is not 32 bytes', async () => {
      await expect(open({ encryptionKey: Buffer.alloc(16) })).rejects.toMatchObject({ code: 'invalid_input' });
    });
  });
}
