import { describe, expect, it } from 'vitest';
import { createContactFolder } from '../../../src/graph/contacts/create-contact-folder';
import { deleteContact } from '../../../src/graph/contacts/delete-contact';
import { updateContact } from '../../../src/graph/contacts/update-contact';
import type { FolderChangeMode } from '../../../src/domain/sync-settings';
import { duplicatedTags, erpIdOf, mailboxes, toFolderContact, useSyncWorlds, type SyncWorld } from './support/start-sync-world';

const worlds = useSyncWorlds();
const lucia = mailboxes.lucia.user;

/**
 * Lucía's synced folder, with what a user leaves in it between two runs: a contact she deleted
 * (suppressed by the last run), an Outlook-only nickname, and an edit not synced yet.
 */
async function usedFolder(sync: SyncWorld) {
  await sync.run('lucia');
  const [deleted, nicknamed, edited] = sync.folderContacts('lucia');
  if (!deleted || !nicknamed || !edited) throw new Error('the folder has fewer than three contacts');
  const { client, mailbox } = sync.outlook('lucia');
  await deleteContact(client, mailbox, deleted.id);
  await updateContact(client, mailbox, nicknamed.id, { nickName: 'Pepe', homePhones: ['+34 915 000 111'] });
  expect((await sync.run('lucia')).report.planned.suppress).toBe(1);
  await updateContact(client, mailbox, edited.id, { jobTitle: 'Directora de compras (sin sincronizar)' });
  const synced = sync.folderContacts('lucia').length;
  return { deleted: erpIdOf(deleted) ?? '', nicknamed: erpIdOf(nicknamed) ?? '', edited: erpIdOf(edited) ?? '', synced };
}

let newFolders = 0;

/** Lucía picks another folder in the pane, saying what becomes of the contacts already synced. */
async function chooseNewFolder(sync: SyncWorld, mode: FolderChangeMode) {
  const { client, mailbox } = sync.outlook('lucia');
  const folder = await createContactFolder(client, mailbox, `Clientes ${(newFolders += 1)}`);
  const settings = await sync.store.settings.get(lucia);
  if (!settings || !folder.id) throw new Error('no settings or no folder');
  await sync.store.settings.put(lucia, { ...settings, contactFolderId: folder.id, contactFolderName: folder.displayName ?? '', contactFolderChange: mode }, new Date().toISOString());
  return folder.id;
}

const contactsIn = (sync: SyncWorld, folderId: string) => sync.shared.m365.graph.admin.readMailbox(lucia.objectId).contacts.filter((contact) => contact.parentFolderId === folderId);

describe('changing the contact folder', () => {
  it('moves the synced contacts whole, keeping suppressions and syncing the pending edit first, when the user moves them', async () => {
    const sync = await worlds.start({ direction: 'two-way' });
    const { deleted, nicknamed, edited, synced } = await usedFolder(sync);
    const oldFolder = sync.folders.lucia;
    const newFolder = await chooseNewFolder(sync, 'move');
    expect(await sync.service.preview('contoso', lucia)).toMatchObject({ folderChange: { mode: 'move', contacts: synced }, needsConfirmation: false });

    const run = await sync.run('lucia');

    expect(run.report).toMatchObject({ outcome: 'succeeded', failedOperations: 0, folderChange: { mode: 'move', moved: synced, left: 0, missing: 0 } });
    expect(run.report.planned.createInOutlook).toBe(0);
    expect(contactsIn(sync, oldFolder)).toEqual([]);
    const moved = contactsIn(sync, newFolder);
    expect(moved).toHaveLength(synced);
    const tags = moved.map((contact) => contact.singleValueExtendedProperties?.[0]?.value ?? '');
    expect(new Set(tags).size).toBe(synced);
    expect(tags).not.toContain(`contoso:${deleted}`);
    const nickname = moved.find((contact) => contact.singleValueExtendedProperties?.[0]?.value === `contoso:${nicknamed}`);
    expect(nickname).toMatchObject({ nickName: 'Pepe', homePhones: ['+34 915 000 111'] });
    expect((await sync.erps.contoso.getContact(edited))?.jobTitle).toBe('Directora de compras (sin sincronizar)');
    const next = await sync.run('lucia');
    expect(next.report).toMatchObject({ outcome: 'succeeded', applied: 0 });
    expect(contactsIn(sync, newFolder)).toHaveLength(synced);
  });

  it('leaves the copies in the old folder, unsynced, and fills the new one without the contacts the user deleted', async () => {
    const sync = await worlds.start({ direction: 'two-way' });
    const { deleted, edited, synced } = await usedFolder(sync);
    const oldFolder = sync.folders.lucia;
    const before = contactsIn(sync, oldFolder);
    const newFolder = await chooseNewFolder(sync, 'leave');

    const run = await sync.run('lucia');

    expect(run.report).toMatchObject({ outcome: 'succeeded', failedOperations: 0, folderChange: { mode: 'leave', moved: 0, left: synced } });
    expect((await sync.erps.contoso.getContact(edited))?.jobTitle).toBe('Directora de compras (sin sincronizar)');
    const fresh = contactsIn(sync, newFolder);
    expect(fresh).toHaveLength(synced);
    expect(fresh.map((contact) => contact.singleValueExtendedProperties?.[0]?.value)).not.toContain(`contoso:${deleted}`);
    // The old folder is the user's now: the bridge no longer writes there, even when the ERP changes.
    const record = await sync.erps.contoso.getContact(edited);
    await sync.erps.contoso.updateContact(edited, { jobTitle: 'Gerente', version: record?.version ?? 0 }, { email: mailboxes.lucia.email });
    await sync.run('lucia');
    expect(contactsIn(sync, oldFolder).map((contact) => contact.lastModifiedDateTime)).toEqual(before.map((contact) => contact.lastModifiedDateTime));
  });

  it('finishes a move that was cut off part way, without a second copy of any contact', async () => {
    let cutOff = false;
    let batches = 0;
    const sync = await worlds.start({
      direction: 'two-way',
      beforeGraphRequest: (method, url) => {
        if (cutOff && method === 'POST' && url.endsWith('/$batch') && ++batches > 3) throw new TypeError('the bridge stopped');
      },
    });
    const { synced } = await usedFolder(sync);
    const oldFolder = sync.folders.lucia;
    const newFolder = await chooseNewFolder(sync, 'move');

    cutOff = true;
    const interrupted = await sync.run('lucia');
    cutOff = false;
    expect(interrupted.report.outcome).toBe('failed');
    expect(contactsIn(sync, newFolder).length).toBeGreaterThan(0);

    const resumed = await sync.run('lucia');

    expect(resumed.report).toMatchObject({ outcome: 'succeeded', failedOperations: 0 });
    expect(contactsIn(sync, oldFolder)).toEqual([]);
    const moved = contactsIn(sync, newFolder);
    expect(moved).toHaveLength(synced);
    expect(duplicatedTags(moved.map(toFolderContact))).toEqual([]);
  });
});
