import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { UserKey } from './store';
import { StoreError } from './store-error';

export interface TokenCipher {
  encrypt(plaintext: string, owner: UserKey): string;
  decrypt(envelope: string, owner: UserKey): string;
}

const version = 'v1';
const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;

/**
 * AES-256-GCM with a random 12-byte IV per write. The envelope is
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), so a later format or key can be told apart.
 * The owner is authenticated data: a blob copied into another user's row does not decrypt.
 */
export function createTokenCipher(key: Uint8Array): TokenCipher {
  if (key.length !== keyBytes) throw new StoreError('invalid_input', `the token-cache key must be ${keyBytes} bytes, got ${key.length}`);
  const secret = Buffer.from(key);
  return {
    encrypt(plaintext, owner) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', secret, iv, { authTagLength: tagBytes });
      cipher.setAAD(ownerData(owner));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [version, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    decrypt(envelope, owner) {
      const [envelopeVersion, iv, tag, ciphertext, ...rest] = envelope.split('.');
      if (envelopeVersion !== version || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
        throw new StoreError('token_unreadable', `the token cache of ${describe(owner)} is not a ${version} envelope`);
      }
      const ivBuffer = Buffer.from(iv, 'base64url');
      const tagBuffer = Buffer.from(tag, 'base64url');
      if (ivBuffer.length !== ivBytes || tagBuffer.length !== tagBytes) {
        throw new StoreError('token_unreadable', `the token cache of ${describe(owner)} has a damaged envelope`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', secret, ivBuffer, { authTagLength: tagBytes });
        decipher.setAAD(ownerData(owner));
        decipher.setAuthTag(tagBuffer);
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new StoreError(
          'token_unreadable',
          `the token cache of ${describe(owner)} cannot be decrypted: it was written with another key or altered; the user must sign in again`,
          { cause: error },
        );
      }
    },
  };
}

function ownerData(owner: UserKey): Buffer {
  return Buffer.from(`token-cache:${owner.tenantId}:${owner.objectId}`, 'utf8');
}

function describe(owner: UserKey): string {
  return `user ${owner.tenantId}/${owner.objectId}`;
}
