import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeEncryptionKey } from '../../../server/store/decode-encryption-key';

describe('decoding the configured token-cache key', () => {
  it('decodes 32 bytes of base64, as `openssl rand -base64 32` prints them', () => {
    const key = randomBytes(32);
    expect(decodeEncryptionKey(`${key.toString('base64')}\n`).equals(key)).toBe(true);
  });

  it('refuses text that is not base64 rather than decoding what it can', () => {
    expect(() => decodeEncryptionKey('correct horse battery staple')).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('openssl rand') }));
  });

  it('refuses a key of the wrong length', () => {
    expect(() => decodeEncryptionKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes, got 16/);
  });
});
