import { timingSafeEqual } from 'node:crypto';
import { hashClientState } from './hash-client-state';

/** Whether a notification's clientState is the subscription's, compared in constant time (both sides are SHA-256 digests). */
export function matchesClientState(received: string | null | undefined, storedHash: string): boolean {
  if (typeof received !== 'string') return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashClientState(received), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
