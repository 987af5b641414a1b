import { mailboxPath, type Mailbox } from '../mailbox-path';

/** `…/contactFolders/{folderId}/contacts`: the folder the bridge syncs, never the whole mailbox. */
export function folderContactsPath(mailbox: Mailbox, folderId: string): string {
  return `${mailboxPath(mailbox)}/contactFolders/${encodeURIComponent(folderId)}/contacts`;
}

/** `…/contacts/{id}` reaches a contact in any folder. */
export function contactPath(mailbox: Mailbox, contactId: string): string {
  return `${mailboxPath(mailbox)}/contacts/${encodeURIComponent(contactId)}`;
}
