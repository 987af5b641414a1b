import { StoreError } from './store-error';

const howToGenerate = '(generate one with: openssl rand -base64 32)';

/**
 * Decodes the configured token-cache key (`store.encryptionKey`: 32 bytes, base64). Node's base64
 * decoder skips bad characters silently, so the text is checked first.
 *
 * @example openStore(url, { encryptionKey: decodeEncryptionKey(resolveSecret(config.store.encryptionKey)) })
 */
export function decodeEncryptionKey(base64: string): Buffer {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new StoreError('invalid_input', `the token-cache key is not base64 ${howToGenerate}`);
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new StoreError('invalid_input', `the token-cache key must decode to 32 bytes, got ${key.length} ${howToGenerate}`);
  return key;
}
