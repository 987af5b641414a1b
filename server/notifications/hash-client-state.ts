import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a subscription's clientState: what the store keeps instead of the secret. */
export function hashClientState(clientState: string): string {
  return createHash('sha256').update(clientState, 'utf8').digest('hex');
}
