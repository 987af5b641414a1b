import { describe, expect, it } from 'vitest';
import type { CollectionPolicy } from '../../../src/domain/sync-policy';
import { buildCollectionPolicy, buildSyncPolicy } from '../../builders/build-sync-policy';
import { updateContact } from '../../../src/graph/contacts/update-contact';
import { activateSync, erpIdOf, mailboxes, useSyncWorlds, type SyncWorld } from './support/start-sync-world';

const worlds = useSyncWorlds();

const everything = (defaultDirection: CollectionPolicy['defaultDirection']) => buildCollectionPolicy({ defaultDirection });
const contactsLimitedTo = (contacts: CollectionPolicy) => buildSyncPolicy({ contacts });

/** Lucía's admin narrows Contoso's policy after Lucía chose two-way. */
async function narrow(sync: SyncWorld, contacts: CollectionPolicy) {
  await sync.store.syncPolicies.put({ environment: mailboxes.lucia.environment, policy: contactsLimitedTo(contacts), changedBy: 'admin@contoso.example', changedAt: new Date().toISOString() });
}

async function editInOutlook(sync: SyncWorld, mobilePhone: string) {
  const [item] = sync.folderContacts('lucia');
  if (!item) throw new Error('nothing synced');
  const { client, mailbox } = sync.outlook('lucia');
  await updateContact(client, mailbox, item.id, { mobilePhone });
  return erpIdOf(item) ?? '';
}

describe('contact sync under the environment’s sync policy', () => {
  it('runs one way when the admin stopped allowing the two-way sync the user chose, and two-way again once it is allowed', async () => {
    const sync = await worlds.start({ direction: 'two-way' });
    await sync.run('lucia');
    await narrow(sync, { directions: ['erp-to-outlook', 'off'], conflicts: ['erp-wins'], defaultDirection: 'erp-to-outlook', defaultConflicts: 'erp-wins' });
    const erpId = await editInOutlook(sync, '+34 600 111 222');

    const oneWay = await sync.run('lucia');

    expect(oneWay.report.planned.updateInErp).toBe(0);
    expect((await sync.erps.contoso.getContact(erpId))?.mobilePhone).not.toBe('+34 600 111 222');
    // The user's own choice is kept in the store: allowed again, it applies again.
    expect((await sync.store.settings.get(mailboxes.lucia.user))?.contacts).toBe('two-way');

    await narrow(sync, everything('erp-to-outlook'));
    await editInOutlook(sync, '+34 600 333 444');
    const twoWay = await sync.run('lucia');

    expect(twoWay.report.planned.updateInErp).toBe(1);
    expect((await sync.erps.contoso.getContact(erpId))?.mobilePhone).toBe('+34 600 333 444');
  });

  it('does not run, by hand or on schedule, a mailbox whose direction the admin brought back to off', async () => {
    const sync = await worlds.start({ direction: 'two-way' });
    await narrow(sync, { ...everything('off'), directions: ['off'] });

    await expect(sync.service.runNow(mailboxes.lucia.environment, mailboxes.lucia.user)).rejects.toMatchObject({ code: 'invalid_input' });
    const due = await sync.service.dueMailboxes();
    expect(due.map((mailbox) => mailbox.user.objectId)).not.toContain(mailboxes.lucia.user.objectId);
  });

  it('settles a conflict by the default policy when the user’s manual one is no longer allowed, leaving nothing open', async () => {
    const sync = await worlds.start({ direction: 'two-way', policy: 'manual' });
    await sync.run('lucia');
    await narrow(sync, { ...everything('two-way'), conflicts: ['erp-wins', 'outlook-wins'], defaultConflicts: 'outlook-wins' });
    const [record] = await sync.erpContacts('lucia');
    const item = sync.folderContacts('lucia').find((contact) => erpIdOf(contact) === record?.id);
    if (!record || !item) throw new Error('no synced contact');
    await sync.erps.contoso.updateContact(record.id, { jobTitle: 'Compras (ERP)', version: record.version }, { email: mailboxes.lucia.email });
    const { client, mailbox } = sync.outlook('lucia');
    await updateContact(client, mailbox, item.id, { jobTitle: 'Compras (Outlook)' });

    await sync.run('lucia');

    expect(await sync.store.conflicts.listForUser(mailboxes.lucia.user, 'open')).toEqual([]);
    expect(await sync.store.conflicts.listForUser(mailboxes.lucia.user)).toEqual([expect.objectContaining({ field: 'jobTitle', status: 'resolved', resolution: 'outlook' })]);
  });

  it('polls a mailbox with a poll gap (healthy notifications) only once its last run is older than the gap', async () => {
    let clock = Date.now();
    const gaps = new Map<string, number>([[mailboxes.lucia.user.objectId, 30 * 60_000]]);
    const sync = await worlds.start({ service: { now: () => new Date(clock), pollGapMs: async ({ user }) => gaps.get(user.objectId) ?? 0 } });
    await activateSync(sync.store, mailboxes.lucia.environment);
    await sync.run('lucia');
    const dueNames = async () => (await sync.service.dueMailboxes()).map((mailbox) => mailbox.user.objectId);

    clock += 10 * 60_000;
    expect(await dueNames()).not.toContain(mailboxes.lucia.user.objectId);
    clock += 21 * 60_000;
    expect(await dueNames()).toContain(mailboxes.lucia.user.objectId);
    gaps.clear();
    expect(await dueNames()).toContain(mailboxes.lucia.user.objectId);
  });
});
