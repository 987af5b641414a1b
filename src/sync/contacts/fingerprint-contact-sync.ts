import { createTextHash } from '../text-hash';
import type { ContactConflict } from './contact-conflict';
import type { ContactLink } from './contact-link';

type FingerprintedLink = Pick<ContactLink, 'erpId' | 'outlookId' | 'state' | 'missedListings' | 'updatedAt'>;

/**
 * A digest of what a plan reads from the store besides the two sides: the links (a restore deletes
 * one), the conflicts (a user resolves one) and the settings. Equal digests mean the store holds
 * nothing a new plan would act on. Links are given in erpId order.
 */
export function fingerprintContactSync(settings: string, links: Iterable<FingerprintedLink>, conflicts: readonly Pick<ContactConflict, 'id' | 'status'>[]): string {
  const hash = createTextHash().update(settings).update('\n');
  for (const link of links) hash.update(`${link.erpId}\t${link.outlookId}\t${link.state}\t${link.missedListings}\t${link.updatedAt}\n`);
  hash.update('conflicts\n');
  for (const conflict of conflicts) hash.update(`${conflict.id}\t${conflict.status}\n`);
  return hash.digest();
}
