import { createSortedLookup } from '../../src/sync/contacts/create-sorted-lookup';
import type { OutlookContact } from '../../src/sync/contacts/outlook-contact';
import type { LinkRecord } from '../store/store';
import type { GraphContactFolder } from './graph-contact-folder';
import { pendingCreateId } from './resolve-pending-creates';

/**
 * Every contact of the folder with its tag. The planner reads a linked item missing here as deleted
 * by the user, so each such item is confirmed gone: by the delta round (`isKnownGone`) or by looking
 * it up; one the offset-paged listing skipped is added back.
 */
export async function listFolderContacts<Listed extends Pick<OutlookContact, 'id'> = OutlookContact>(
  folder: Pick<GraphContactFolder, 'listContacts' | 'recheck'>,
  links: readonly Pick<LinkRecord, 'outlookId' | 'state'>[],
  isKnownGone: (outlookId: string) => boolean,
  shrink?: (contact: OutlookContact) => Listed,
): Promise<(OutlookContact | Listed)[]> {
  const contacts = await folder.listContacts(shrink);
  const listed = createSortedLookup(contacts, (contact) => contact.id);
  const unconfirmed = links
    .filter((link) => link.state === 'active' && link.outlookId !== pendingCreateId && !listed.has(link.outlookId) && !isKnownGone(link.outlookId))
    .map((link) => link.outlookId);
  if (unconfirmed.length === 0) return contacts;
  const { found } = await folder.recheck([...new Set(unconfirmed)]);
  return [...contacts, ...found.filter((contact) => !listed.has(contact.id))];
}
