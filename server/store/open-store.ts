import { connectDatabase, type ConnectionOptions } from './connect-database';
import { createStore } from './create-store';
import { decodeEncryptionKey } from './decode-encryption-key';
import { migrateToLatest } from './migrate-to-latest';
import type { Store } from './store';
import { createTokenCipher } from './token-cipher';

export interface StoreOptions extends ConnectionOptions {
  /**
   * AES-256-GCM key of the token cache: 32 bytes, or their base64 text as configured in
   * `store.encryptionKey`. Without it, `tokenCache` reads and writes fail.
   */
  encryptionKey?: string | Uint8Array;
}

/**
 * Opens the bridge store and migrates it to the latest schema.
 *
 * @example
 * const store = await openStore('sqlite:./data/bridge.db', { baseDir, encryptionKey: 'base64…' });
 * const store = await openStore('postgres://bridge@db/bridge', { encryptionKey, maxConnections: 20 });
 */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  // Checked before connecting, so a bad key fails at start and leaves no connection open.
  const key = typeof options.encryptionKey === 'string' ? decodeEncryptionKey(options.encryptionKey) : options.encryptionKey;
  const cipher = key === undefined ? undefined : createTokenCipher(key);
  const { db, dialect } = connectDatabase(url, options);
  try {
    await migrateToLatest(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createStore(db, dialect, cipher);
}
