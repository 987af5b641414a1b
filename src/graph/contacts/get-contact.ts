import type { GraphClient } from '../create-graph-client';
import type { Mailbox } from '../mailbox-path';
import { odataQuery } from '../odata-query';
import { contactPath } from './contact-paths';
import { expandErpId } from '../erp-id-property';
import type { GraphContact } from './graph-contact';

/** One contact with its ERP id property; throws `SyncError` `not_found` when it is gone. Permission: Contacts.Read. */
export function getContact(client: GraphClient, mailbox: Mailbox, contactId: string): Promise<GraphContact> {
  return client.request<GraphContact>('GET', `${contactPath(mailbox, contactId)}?${odataQuery({ $expand: expandErpId })}`);
}
