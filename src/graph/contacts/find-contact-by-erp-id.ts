import type { GraphClient } from '../create-graph-client';
import type { Mailbox } from '../mailbox-path';
import { odataQuery, odataString } from '../odata-query';
import { readAllPages } from '../read-all-pages';
import { folderContactsPath } from './contact-paths';
import { type ErpKey, erpIdPropertyId, expandErpId, formatErpIdValue, readErpKey } from '../erp-id-property';
import type { GraphContact } from './graph-contact';

/**
 * The contact of the folder that carries this ERP key, if any: how a create stays idempotent after
 * a crash. Graph compares the value ignoring case, so the exact value is checked here; if a bug
 * ever made two, the oldest wins. Permission: Contacts.Read.
 */
export async function findContactByErpId(client: GraphClient, mailbox: Mailbox, folderId: string, key: ErpKey): Promise<GraphContact | undefined> {
  const value = formatErpIdValue(key);
  const query = odataQuery({
    $filter: `singleValueExtendedProperties/Any(ep: ep/id eq ${odataString(erpIdPropertyId)} and ep/value eq ${odataString(value)})`,
    $expand: expandErpId,
  });
  const matches = await readAllPages<GraphContact>(client, `${folderContactsPath(mailbox, folderId)}?${query}`);
  return matches
    .filter((contact) => {
      const found = readErpKey(contact);
      return found !== undefined && formatErpIdValue(found) === value;
    })
    .sort((left, right) => (left.createdDateTime ?? '').localeCompare(right.createdDateTime ?? ''))[0];
}
