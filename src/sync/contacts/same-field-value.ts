import { toCanonicalJson } from '../../domain/to-canonical-json';

/** Equal synced values, whatever the key order of an address; both sides must be normalized first. */
export function sameFieldValue(left: unknown, right: unknown): boolean {
  return toCanonicalJson(left) === toCanonicalJson(right);
}
