import { describe, expect, it } from 'vitest';
import { updateContact } from '../../../src/graph/contacts/update-contact';
import type { ConflictPolicy } from '../../../src/domain/sync-settings';
import { erpIdOf, mailboxes, useSyncWorlds, type SyncWorld } from './support/start-sync-world';

const worlds = useSyncWorlds();
const actor = { email: mailboxes.lucia.email };
const policies: ConflictPolicy[] = ['erp-wins', 'outlook-wins', 'newest', 'manual'];

/** A synced contact of Lucía's with an address and an email, and its Outlook copy. */
async function syncedPair(sync: SyncWorld) {
  await sync.run('lucia');
  const record = (await sync.erpContacts('lucia')).find((contact) => contact.address?.street && contact.address.city && contact.emails.length === 1);
  const item = sync.folderContacts('lucia').find((contact) => record !== undefined && erpIdOf(contact) === record.id);
  if (!record || !item) throw new Error('no synced contact with an address and one email');
  return { record, item };
}

const outlookItem = (sync: SyncWorld, outlookId: string) => sync.folderContacts('lucia').find((contact) => contact.id === outlookId);

describe('two-way contact sync merges lists and addresses part by part', () => {
  it.each(policies)('keeps the ERP street and the Outlook city on both sides, with no conflict, under %s', async (policy) => {
    const sync = await worlds.start({ direction: 'two-way', policy });
    const { record, item } = await syncedPair(sync);
    await sync.erps.contoso.updateContact(record.id, { address: { ...record.address, street: 'Calle Nueva 7' }, version: record.version }, actor);
    const { client, mailbox } = sync.outlook('lucia');
    await updateContact(client, mailbox, item.id, { businessAddress: { ...item.fields.address, city: 'Alcalá de Henares' } });

    await sync.run('lucia');

    const expected = { street: 'Calle Nueva 7', city: 'Alcalá de Henares' };
    expect((await sync.erps.contoso.getContact(record.id))?.address).toMatchObject(expected);
    expect(outlookItem(sync, item.id)?.fields.address).toMatchObject(expected);
    expect(await sync.store.conflicts.listForUser(mailboxes.lucia.user)).toEqual([]);
  });

  it.each(policies)('keeps the email the ERP added while Outlook changed the primary, under %s', async (policy) => {
    const sync = await worlds.start({ direction: 'two-way', policy });
    const { record, item } = await syncedPair(sync);
    await sync.erps.contoso.updateContact(record.id, { emails: [...record.emails, 'pedidos@cliente-erp.test'], version: record.version }, actor);
    const { client, mailbox } = sync.outlook('lucia');
    await updateContact(client, mailbox, item.id, { emailAddresses: [{ address: 'nuevo.principal@cliente-erp.test' }] });

    await sync.run('lucia');

    const expected = ['nuevo.principal@cliente-erp.test', 'pedidos@cliente-erp.test'];
    expect((await sync.erps.contoso.getContact(record.id))?.emails).toEqual(expected);
    expect(outlookItem(sync, item.id)?.fields.emails).toEqual(expected);
    expect(await sync.store.conflicts.listForUser(mailboxes.lucia.user)).toEqual([]);
  });
});
