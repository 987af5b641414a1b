import type { ErpActor, ErpPort } from '../../src/domain/erp-port';
import type { ErpContact } from '../../src/domain/erp-records';
import type { ErpContactSource } from '../../src/sync/contacts/erp-contact-source';

/** The largest page the ERP adapters serve. */
const pageSize = 1000;

/**
 * The ERP side of a mailbox's contact sync over `ErpPort`. The scope is every contact of the
 * environment's ERP; writes carry the user as the author.
 */
export function createErpContactSource(erp: ErpPort, actor: ErpActor): ErpContactSource {
  return {
    async listContactsInScope<Listed = ErpContact>(shrink?: (contact: ErpContact) => Listed) {
      const contacts: (ErpContact | Listed)[] = [];
      let cursor: string | undefined;
      do {
        const page = await erp.searchContacts({ limit: pageSize, ...(cursor === undefined ? {} : { cursor }) });
        for (const contact of page.items) contacts.push(shrink ? shrink(contact) : contact);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return contacts;
    },
    listContactChanges: (cursor) => erp.contactChanges(cursor, pageSize),
    updateContactFields: (erpId, changes, version) => erp.updateContact(erpId, { ...changes, version }, actor),
  };
}
