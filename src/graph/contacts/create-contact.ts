import type { Contact } from '@microsoft/microsoft-graph-types';
import { SyncError } from '../../sync/sync-error';
import type { GraphClient } from '../create-graph-client';
import type { Mailbox } from '../mailbox-path';
import { folderContactsPath } from './contact-paths';
import { type ErpKey, erpIdPropertyId, formatErpIdValue } from '../erp-id-property';
import { findContactByErpId } from './find-contact-by-erp-id';
import type { GraphContact } from './graph-contact';

/**
 * Creates a contact in the folder, tagged with the ERP id property `<environment>:<erpId>`. When the
 * answer is lost (reset, 504), the create may have run: the contact is looked up by its ERP id
 * before it is sent again, so a create never makes a duplicate. Permission: Contacts.ReadWrite.
 */
export async function createContact(client: GraphClient, mailbox: Mailbox, folderId: string, contact: Contact, key: ErpKey): Promise<GraphContact> {
  const path = folderContactsPath(mailbox, folderId);
  const body: Contact = {
    ...contact,
    singleValueExtendedProperties: [{ id: erpIdPropertyId, value: formatErpIdValue(key) }],
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await client.request<GraphContact>('POST', path, { body });
    } catch (error) {
      if (!(error instanceof SyncError) || !error.outcomeUnknown || attempt >= client.maxRetries) throw error;
      const existing = await findContactByErpId(client, mailbox, folderId, key);
      if (existing) return existing;
      await client.waitToRetry(mailbox, attempt, error);
    }
  }
}
