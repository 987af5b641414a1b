import { createTextHash, hashTextLanes } from '../text-hash';
import type { ContactConflict } from './contact-conflict';
import type { ContactLink } from './contact-link';

type FingerprintedLink = Pick<ContactLink, 'erpId' | 'outlookId' | 'state' | 'missedListings' | 'updatedAt'>;

/**
 * A digest of what a plan reads from the store besides the two sides: the links (a restore deletes
 * one), the conflicts (a user resolves one) and the settings. Equal digests mean the store holds
 * nothing a new plan would act on. The links count in any order (a sum of each one's hash), so a run
 * need not sort 100,000 of them as the store would.
 */
export function fingerprintContactSync(settings: string, links: Iterable<FingerprintedLink>, conflicts: readonly Pick<ContactConflict, 'id' | 'status'>[]): string {
  let first = 0;
  let second = 0;
  let count = 0;
  for (const link of links) {
    const [linkFirst, linkSecond] = hashTextLanes(`${link.erpId}\t${link.outlookId}\t${link.state}\t${link.missedListings}\t${link.updatedAt}`);
    first = (first + linkFirst) >>> 0;
    second = (second + linkSecond) >>> 0;
    count += 1;
  }
  const hash = createTextHash().update(settings).update(`\nlinks ${count} ${first} ${second}\n`);
  hash.update('conflicts\n');
  for (const conflict of conflicts) hash.update(`${conflict.id}\t${conflict.status}\n`);
  return hash.digest();
}
