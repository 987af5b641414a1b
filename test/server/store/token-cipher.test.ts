import { describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../../server/store/token-cipher';
import { anEncryptionKey, aUserKey } from './store-record-builders';

describe('the token cipher', () => {
  const ana = aUserKey();
  const cipher = createTokenCipher(anEncryptionKey());

  it('decrypts what it encrypted, accents and all', () => {
    const plaintext = '{"RefreshToken":{"secret":"0.AXEA-ñandú-€"}}';
    expect(cipher.decrypt(cipher.encrypt(plaintext, ana), ana)).toBe(plaintext);
  });

  it('encrypts the same text differently every time', () => {
    expect(cipher.encrypt('same', ana)).not.toBe(cipher.encrypt('same', ana));
  });

  it('writes a v1 envelope of IV, tag and ciphertext', () => {
    const [version, iv, tag] = cipher.encrypt('x', ana).split('.');
    expect(version).toBe('v1');
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag ?? '', 'base64url')).toHaveLength(16);
  });

  it('refuses a wrong key, another owner, a swapped tag and a foreign format', () => {
    const envelope = cipher.encrypt('secret', ana);
    const [version, iv, , ciphertext] = envelope.split('.');
    const otherTag = cipher.encrypt('secret', ana).split('.')[2];
    expect(() => createTokenCipher(anEncryptionKey(9)).decrypt(envelope, ana)).toThrow(expect.objectContaining({ code: 'token_unreadable' }));
    expect(() => cipher.decrypt(envelope, aUserKey())).toThrow(expect.objectContaining({ code: 'token_unreadable' }));
    expect(() => cipher.decrypt([version, iv, otherTag, ciphertext].join('.'), ana)).toThrow(expect.objectContaining({ code: 'token_unreadable' }));
    expect(() => cipher.decrypt(`v2.${iv}.${otherTag}.${ciphertext}`, ana)).toThrow(/not a v1 envelope/);
    expect(() => cipher.decrypt('v1.AA.AA.AA', ana)).toThrow(/damaged envelope/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createTokenCipher(Buffer.alloc(31))).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
