import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares a secret a caller gave with the configured one in constant time, whatever their lengths. */
export function isSameSecret(given: string, expected: string): boolean {
  // Equal-length digests: timingSafeEqual needs them, and the time then says nothing of either length.
  return timingSafeEqual(digest(given), digest(expected));
}
