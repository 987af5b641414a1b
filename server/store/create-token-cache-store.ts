import type { Kysely } from 'kysely';
import type { Store } from './store';
import type { StoreDatabase } from './store-database';
import { StoreError } from './store-error';
import type { TokenCipher } from './token-cipher';
import { requireKnownUser } from './require-known-user';
import { toIsoInstant } from './to-iso-instant';
import { userFilter } from './user-filter';

/** `cipher` is undefined when no key is configured (app-only environments keep no user tokens). */
export function createTokenCacheStore(db: Kysely<StoreDatabase>, cipher: TokenCipher | undefined): Store['tokenCache'] {
  function requireCipher(): TokenCipher {
    if (cipher === undefined) {
      throw new StoreError('encryption_key_missing', 'the token cache needs store.encryptionKey (32 bytes, base64) in the configuration');
    }
    return cipher;
  }

  return {
    async get(key) {
      const tokenCipher = requireCipher();
      const row = await db.selectFrom('token_cache').select('blob').where((eb) => eb.and(userFilter(key))).executeTakeFirst();
      return row && tokenCipher.decrypt(row.blob, key);
    },

    async put(key, serializedCache, now) {
      const columns = { blob: requireCipher().encrypt(serializedCache, key), updated_at: toIsoInstant(now, 'now') };
      await requireKnownUser(key, () =>
        db
          .insertInto('token_cache')
          .values({ ...userFilter(key), ...columns })
          .onConflict((conflict) => conflict.columns(['tenant_id', 'object_id']).doUpdateSet(columns))
          .execute(),
      );
    },

    // Signing out must work even without a key, so removal does not need the cipher.
    async remove(key) {
      const result = await db.deleteFrom('token_cache').where((eb) => eb.and(userFilter(key))).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
