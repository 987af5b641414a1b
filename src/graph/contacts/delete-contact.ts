import { SyncError } from '../../sync/sync-error';
import type { GraphClient } from '../create-graph-client';
import type { Mailbox } from '../mailbox-path';
import { contactPath } from './contact-paths';

/**
 * Deletes a contact (to Deleted Items, as Outlook does). A contact already gone is an outcome, not
 * a failure: a retried delete finds it so. With `etag`, a contact changed since is refused with
 * `precondition_failed`. Permission: Contacts.ReadWrite.
 */
export async function deleteContact(client: GraphClient, mailbox: Mailbox, contactId: string, etag?: string): Promise<'deleted' | 'already_gone'> {
  try {
    await client.request<undefined>('DELETE', contactPath(mailbox, contactId), { headers: etag === undefined ? {} : { 'If-Match': etag } });
    return 'deleted';
  } catch (error) {
    if (error instanceof SyncError && error.code === 'not_found') return 'already_gone';
    throw error;
  }
}
