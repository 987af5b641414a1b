import type { ContactFolder } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../create-graph-client';
import { mailboxPath, type Mailbox } from '../mailbox-path';

/**
 * Creates a contact folder (`ERP` by default in the settings) under the default Contacts folder, or
 * under `parentFolderId`. Permission: Contacts.ReadWrite.
 */
export function createContactFolder(client: GraphClient, mailbox: Mailbox, displayName: string, parentFolderId?: string): Promise<ContactFolder> {
  const path =
    parentFolderId === undefined
      ? `${mailboxPath(mailbox)}/contactFolders`
      : `${mailboxPath(mailbox)}/contactFolders/${encodeURIComponent(parentFolderId)}/childFolders`;
  return client.request<ContactFolder>('POST', path, { body: { displayName } });
}
