import type { OutlookContact } from './outlook-contact';
import type { ContactLink } from './contact-link';
import type { OutlookContactFolder } from './outlook-contact-folder';
import { createSortedLookup } from './create-sorted-lookup';
import { pendingCreateId } from './resolve-pending-creates';

/**
 * Every contact of the folder with its tag. The planner reads a linked item missing here as deleted
 * by the user, so each such item is confirmed gone: by the delta round (`isKnownGone`) or by looking
 * it up; one the offset-paged listing skipped is added back.
 */
export async function listFolderContacts<Listed extends Pick<OutlookContact, 'id'> = OutlookContact>(
  folder: Pick<OutlookContactFolder, 'listContacts' | 'recheck'>,
  links: Iterable<Pick<ContactLink, 'outlookId' | 'state'>>,
  isKnownGone: (outlookId: string) => boolean,
  shrink?: (contact: OutlookContact) => Listed,
): Promise<(OutlookContact | Listed)[]> {
  const contacts = await folder.listContacts(shrink);
  const listed = createSortedLookup(contacts, (contact) => contact.id);
  const unconfirmed: string[] = [];
  for (const link of links) {
    if (link.state === 'active' && link.outlookId !== pendingCreateId && !listed.has(link.outlookId) && !isKnownGone(link.outlookId)) unconfirmed.push(link.outlookId);
  }
  if (unconfirmed.length === 0) return contacts;
  const { found } = await folder.recheck([...new Set(unconfirmed)]);
  return [...contacts, ...found.filter((contact) => !listed.has(contact.id))];
}
