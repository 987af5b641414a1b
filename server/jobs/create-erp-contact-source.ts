import type { ErpActor, ErpPort, MailboxScope } from '../../src/domain/erp-port';
import type { ErpContact } from '../../src/domain/erp-records';
import type { ErpContactSource } from '../../src/sync/contacts/erp-contact-source';

/** The largest page the ERP adapters serve. */
const pageSize = 1000;

/**
 * The ERP side of a mailbox's contact sync over `ErpPort`: the contacts of the mailbox's scope (all
 * of the ERP's, unless its mapping limits a mailbox to those its ERP user owns); writes carry the
 * user as the author.
 */
export function createErpContactSource(erp: ErpPort, actor: ErpActor, mailbox: MailboxScope): ErpContactSource {
  return {
    async listContactsInScope<Listed = ErpContact>(shrink?: (contact: ErpContact) => Listed) {
      const contacts: (ErpContact | Listed)[] = [];
      let cursor: string | undefined;
      do {
        const page = await erp.searchContacts({ limit: pageSize, mailbox, ...(cursor === undefined ? {} : { cursor }) });
        for (const contact of page.items) contacts.push(shrink ? shrink(contact) : contact);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return contacts;
    },
    listContactChanges: (cursor) => erp.contactChanges(cursor, pageSize, mailbox),
    updateContactFields: (erpId, changes, version) => erp.updateContact(erpId, { ...changes, version }, actor),
  };
}
