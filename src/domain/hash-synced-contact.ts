import { normalizeSyncedContact } from './normalize-synced-contact';
import type { SyncedContact } from './synced-contact';
import { toCanonicalJson } from './to-canonical-json';

const fnvOffset = 0xcbf29ce484222325n;
const fnvPrime = 0x100000001b3n;
const sixtyFourBits = (1n << 64n) - 1n;

/**
 * A stable content hash of the synced fields (FNV-1a, 64 bits, over the UTF-8 of the canonical
 * JSON of the normalized contact): the same values give the same hash on every runtime. It tells
 * "changed" from "unchanged"; it is no security boundary.
 *
 * @example hashSyncedContact({ givenName: 'Ana', emails: [] }) === hashSyncedContact({ emails: [], givenName: ' Ana ' }) // true
 */
export function hashSyncedContact(contact: SyncedContact): string {
  let hash = fnvOffset;
  for (const byte of new TextEncoder().encode(toCanonicalJson(normalizeSyncedContact(contact)))) {
    hash = ((hash ^ BigInt(byte)) * fnvPrime) & sixtyFourBits;
  }
  return hash.toString(16).padStart(16, '0');
}
