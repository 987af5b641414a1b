import type { Contact } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../create-graph-client';
import type { Mailbox } from '../mailbox-path';
import { contactPath } from './contact-paths';
import type { GraphContact } from './graph-contact';

/**
 * PATCHes the given fields only. With `etag` (the `@odata.etag` last read) the write is refused
 * with `SyncError` `precondition_failed` if Outlook changed the contact since: read, merge, retry.
 * Permission: Contacts.ReadWrite.
 */
export function updateContact(client: GraphClient, mailbox: Mailbox, contactId: string, changes: Contact, etag?: string): Promise<GraphContact> {
  return client.request<GraphContact>('PATCH', contactPath(mailbox, contactId), {
    body: changes,
    headers: etag === undefined ? {} : { 'If-Match': etag },
  });
}
