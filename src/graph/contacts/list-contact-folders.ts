import type { ContactFolder } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../create-graph-client';
import { mailboxPath, type Mailbox } from '../mailbox-path';
import { odataQuery } from '../odata-query';
import { readAllPages } from '../read-all-pages';

/**
 * The contact folders under the mailbox's default Contacts folder, for the folder picker.
 * Permission: Contacts.Read (delegated or application).
 */
export function listContactFolders(client: GraphClient, mailbox: Mailbox): Promise<ContactFolder[]> {
  return readAllPages<ContactFolder>(client, `${mailboxPath(mailbox)}/contactFolders?${odataQuery({ $top: '100' })}`);
}
