import { createHash } from 'node:crypto';
import type { ContactConflict } from '../../src/sync/contacts/contact-conflict';
import type { LinkRecord } from '../store/store';

/**
 * A digest of what a plan reads from the store besides the two sides: the links (a restore deletes
 * one), the conflicts (a user resolves one) and the settings. Equal digests mean the store holds
 * nothing a new plan would act on.
 */
export function fingerprintContactSync(settings: string, links: readonly Pick<LinkRecord, 'erpId' | 'outlookId' | 'state' | 'missedListings' | 'updatedAt'>[], conflicts: readonly Pick<ContactConflict, 'id' | 'status'>[]): string {
  const hash = createHash('sha256').update(settings).update('\n');
  for (const link of links) hash.update(`${link.erpId}\t${link.outlookId}\t${link.state}\t${link.missedListings}\t${link.updatedAt}\n`);
  hash.update('conflicts\n');
  for (const conflict of conflicts) hash.update(`${conflict.id}\t${conflict.status}\n`);
  return hash.digest('hex');
}
