import { ErpError, type ErpActor, type ErpPort, type MailboxScope } from '../../src/domain/erp-port';
import type { ErpAction } from '../../src/domain/erp-records';
import type { ErpActionSource } from '../../src/sync/actions/erp-action-source';

/** The largest page the ERP adapters serve. */
const pageSize = 1000;

/**
 * The ERP side of a mailbox's action sync over `ErpPort`: the actions the mailbox's ERP user owns
 * (none for a mailbox without one); writes carry the user as the author. Contact emails are read
 * once per source (one source per run).
 *
 * @example
 * const source = createErpActionSource(erp, { erpUserId: '7', email: 'ana@contoso.example' }, { erpUserId: '7' });
 * const changes = await source.listActionChanges(savedCursor);
 */
export function createErpActionSource(erp: ErpPort, actor: ErpActor, mailbox: MailboxScope): ErpActionSource {
  const ownerId = mailbox.erpUserId;
  const contactEmails = new Map<string, Promise<string | undefined>>();
  return {
    async listActionsInScope() {
      if (ownerId === undefined) return [];
      const actions: ErpAction[] = [];
      let cursor: string | undefined;
      do {
        const page = await erp.listActions({ ownerId, limit: pageSize, ...(cursor === undefined ? {} : { cursor }) });
        actions.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return actions;
    },
    listActionChanges: (cursor) => erp.actionChanges(cursor, pageSize, mailbox),
    updateActionFields: (erpId, changes, version) => erp.updateAction(erpId, { ...changes, version }, actor),
    async createAction(input, sourceKey) {
      if (ownerId === undefined) throw new ErpError('invalid_input', 'this mailbox has no ERP user to own the action');
      const existing = await erp.findActionBySourceKey(sourceKey);
      if (existing) return existing;
      try {
        return await erp.createAction({ ...input, ownerId }, actor, { sourceKey });
      } catch (error) {
        // A concurrent create with the same key won the ERP's unique index: that action is ours.
        const winner = error instanceof ErpError ? await erp.findActionBySourceKey(sourceKey) : undefined;
        if (winner) return winner;
        throw error;
      }
    },
    contactEmailOf(contactId) {
      let email = contactEmails.get(contactId);
      if (email === undefined) {
        email = erp.getContact(contactId).then((contact) => contact?.emails[0]);
        // A failed read is not kept: the next lookup asks again.
        void email.catch(() => contactEmails.delete(contactId));
        contactEmails.set(contactId, email);
      }
      return email;
    },
  };
}
