import { afterEach, describe, expect, it } from 'vitest';
import { deleteContact } from '../../../src/graph/contacts/delete-contact';
import { updateContact } from '../../../src/graph/contacts/update-contact';
import { duplicatedTags, erpIdOf, mailboxes, useSyncWorlds, type SyncWorld, type SyncWorldOptions } from './support/start-sync-world';

const worlds = useSyncWorlds();
const start = (options: SyncWorldOptions = {}): Promise<SyncWorld> => worlds.start(options);

const admin = () => worlds.shared().m365.graph.admin;
const actor = { email: mailboxes.lucia.email };

/** The folder as a map of tag → synced fields, to compare with the ERP projection (which leaves categories to the user). */
function folderByTag(sync: SyncWorld) {
  return new Map(sync.folderContacts('lucia').map((contact) => [contact.tag ?? `(untagged) ${contact.id}`, { ...contact.fields, categories: undefined }]));
}

describe('a first contact sync', () => {
  it('creates every ERP contact in the chosen folder once, tagged with its ERP id and equal to its projection', async () => {
    const sync = await start();

    const run = await sync.run('lucia');

    expect(run.status).toBe('succeeded');
    const folder = sync.folderContacts('lucia');
    expect(duplicatedTags(folder)).toEqual([]);
    expect(folderByTag(sync)).toEqual(await sync.projection('lucia'));
    expect(run.report).toMatchObject({ outcome: 'succeeded', quiet: false, failedOperations: 0, skipped: 0 });
    expect(run.report.planned.createInOutlook).toBe(folder.length);
    const links = await sync.store.links.listForUser(mailboxes.lucia.user, 'contact');
    expect(links.map((link) => link.outlookId).sort()).toEqual(folder.map((contact) => contact.id).sort());
  });

  it('records its stage, progress and report in store.runs', async () => {
    const sync = await start();

    const run = await sync.run('lucia');

    const record = await sync.store.runs.get(mailboxes.lucia.user, run.id);
    expect(record).toMatchObject({ kind: 'contacts', status: 'succeeded', stage: 'done', done: run.report.planned.createInOutlook + run.report.planned.saveLink });
    expect(record?.total).toBe(record?.done);
    expect(record?.report).toMatchObject({ outcome: 'succeeded', applied: record?.total, failures: [] });
  });

  it('previews the creates with names and writes nothing to Graph, the ERP or the store', async () => {
    const sync = await start();
    admin().resetCounters();

    const preview = await sync.service.preview(mailboxes.lucia.environment, mailboxes.lucia.user);

    const erpContacts = await sync.erpContacts('lucia');
    expect(preview.counts.createInOutlook).toBe(erpContacts.length);
    expect(preview.samples.createInOutlook).toHaveLength(5);
    expect(preview.samples.createInOutlook?.[0]).toEqual({ erpId: expect.any(String), displayName: expect.any(String) });
    expect(preview.needsConfirmation).toBe(false);
    expect(admin().counters().batches).toBe(0);
    expect(sync.folderContacts('lucia')).toEqual([]);
    expect(await sync.store.links.listForUser(mailboxes.lucia.user, 'contact')).toEqual([]);
    expect(await sync.store.runs.listForUser(mailboxes.lucia.user, 10)).toEqual([]);
    expect((await sync.erpContacts('lucia')).map((contact) => contact.version)).toEqual(erpContacts.map((contact) => contact.version));
  });
});

describe('an incremental contact sync', () => {
  it('sends exactly one Graph request and writes nothing when neither side changed', async () => {
    const sync = await start();
    await sync.run('lucia');
    const before = sync.folderContacts('lucia');
    admin().resetCounters();

    const run = await sync.run('lucia');

    expect(run.report).toMatchObject({ outcome: 'succeeded', quiet: true, applied: 0 });
    const counters = admin().counters();
    expect(counters.requests).toBe(1);
    expect(counters.mailboxes[mailboxes.lucia.user.objectId]?.requests).toBe(1);
    expect(sync.folderContacts('lucia')).toEqual(before);
  });

  it('brings an ERP edit to Outlook, keeping what the user added to the contact', async () => {
    const sync = await start();
    await sync.run('lucia');
    const target = (await sync.erpContacts('lucia')).find((contact) => contact.businessPhone);
    if (!target) throw new Error('no ERP contact with a business phone');
    const item = sync.folderContacts('lucia').find((contact) => erpIdOf(contact) === target.id);
    const { client, mailbox } = sync.outlook('lucia');
    await updateContact(client, mailbox, item?.id ?? '', { nickName: 'Pepe', businessPhones: [target.businessPhone ?? '', '+34 910 999 999'] });
    await sync.erps.contoso.updateContact(target.id, { jobTitle: 'Directora comercial', version: target.version }, actor);

    const run = await sync.run('lucia');

    expect(run.report.planned.updateInOutlook).toBe(1);
    const after = admin().readMailbox(mailboxes.lucia.user.objectId).contacts.find((contact) => contact.immutableId === item?.id);
    expect(after).toMatchObject({ jobTitle: 'Directora comercial', nickName: 'Pepe' });
    expect(folderByTag(sync)).toEqual(await sync.projection('lucia'));
    // The ERP has one business phone: the user's second one stays.
    expect(after?.businessPhones?.[1]).toBe('+34 910 999 999');
  });

  it('keeps the names the user gave to emails, every other business phone, home phones and addresses when the ERP rewrites the lists', async () => {
    const sync = await start();
    await sync.run('lucia');
    const target = (await sync.erpContacts('lucia')).find((contact) => contact.emails.length > 0 && contact.businessPhone);
    if (!target) throw new Error('no ERP contact with an email and a business phone');
    const [kept] = target.emails;
    const item = sync.folderContacts('lucia').find((contact) => erpIdOf(contact) === target.id);
    const { client, mailbox } = sync.outlook('lucia');
    const homeAddress = { street: 'Calle Mayor 1', city: 'Toledo', postalCode: '45001', state: null, countryOrRegion: 'España' };
    await updateContact(client, mailbox, item?.id ?? '', {
      emailAddresses: [{ address: kept, name: 'Compras (no responder)' }],
      businessPhones: [target.businessPhone ?? '', '+34 910 999 999'],
      homePhones: ['+34 925 000 111'],
      homeAddress,
    });
    await sync.erps.contoso.updateContact(target.id, { emails: [kept ?? '', 'nuevo@contoso-erp.test'], businessPhone: '+34 910 000 000', address: { city: 'Sevilla' }, version: target.version }, actor);

    await sync.run('lucia');

    const after = admin().readMailbox(mailboxes.lucia.user.objectId).contacts.find((contact) => contact.immutableId === item?.id);
    expect(after?.emailAddresses).toEqual([
      { address: kept, name: 'Compras (no responder)' },
      { address: 'nuevo@contoso-erp.test', name: expect.any(String) },
    ]);
    expect(after?.businessPhones).toEqual(['+34 910 000 000', '+34 910 999 999']);
    expect(after).toMatchObject({ homePhones: ['+34 925 000 111'], homeAddress, businessAddress: { city: 'Sevilla' } });
  });
});

describe('deletes', () => {
  it('does not recreate a contact the user deleted in Outlook, and keeps its ERP record', async () => {
    const sync = await start();
    await sync.run('lucia');
    const [deleted] = sync.folderContacts('lucia');
    const erpId = deleted ? erpIdOf(deleted) : undefined;
    const { client, mailbox } = sync.outlook('lucia');
    await deleteContact(client, mailbox, deleted?.id ?? '');

    const run = await sync.run('lucia');
    await sync.run('lucia');

    expect(run.report.planned.suppress).toBe(1);
    expect(sync.folderContacts('lucia').some((contact) => contact.tag === deleted?.tag)).toBe(false);
    expect(await sync.erps.contoso.getContact(erpId ?? '')).toBeDefined();
    expect(await sync.store.links.get(mailboxes.lucia.user, 'contact', erpId ?? '')).toMatchObject({ state: 'suppressed' });
  });

  it('brings a deleted contact back once its ERP record changes', async () => {
    const sync = await start();
    await sync.run('lucia');
    const [deleted] = sync.folderContacts('lucia');
    const { client, mailbox } = sync.outlook('lucia');
    await deleteContact(client, mailbox, deleted?.id ?? '');
    await sync.run('lucia');
    const record = await sync.erps.contoso.getContact(erpIdOf(deleted ?? { id: '', changeKey: '', fields: { emails: [] }, lastModifiedDateTime: '' }) ?? '');
    await sync.erps.contoso.updateContact(record?.id ?? '', { notes: 'Vuelve a ser cliente.', version: record?.version ?? 0 }, actor);

    await sync.run('lucia');

    expect(sync.folderContacts('lucia').filter((contact) => contact.tag === deleted?.tag)).toHaveLength(1);
  });

  it('removes the copy of an ERP record deleted in the ERP, and only that', async () => {
    const sync = await start();
    await sync.run('lucia');
    const [gone] = await sync.erpContacts('lucia');
    await sync.erps.contoso.deleteContact(gone?.id ?? '', actor);

    const run = await sync.run('lucia');

    expect(run.report.planned.removeFromOutlook).toBe(1);
    expect(folderByTag(sync)).toEqual(await sync.projection('lucia'));
  });
});

describe('a record that leaves the ERP scope', () => {
  /** An ERP whose scope rules stop covering some records (say, another salesperson took them over). */
  const hidden = new Set<string>();
  const scoped: SyncWorldOptions = {
    wrapErp: (_environment, erp) => ({
      ...erp,
      async searchContacts(search) {
        const page = await erp.searchContacts(search);
        return { ...page, items: page.items.filter((contact) => !hidden.has(contact.id)) };
      },
    }),
  };

  async function leaveScope(sync: SyncWorld) {
    const [record] = await sync.erpContacts('lucia');
    if (!record) throw new Error('no ERP contact');
    hidden.add(record.id);
    // The scope change is an ERP write, which the change feed reports.
    await sync.erps.contoso.updateContact(record.id, { notes: 'Cartera de otro comercial.', version: record.version }, actor);
    return record.id;
  }

  afterEach(() => hidden.clear());

  it('keeps the Outlook copy after one listing missed it, and forgets the miss when it comes back', async () => {
    const sync = await start(scoped);
    await sync.run('lucia');
    const erpId = await leaveScope(sync);

    const missed = await sync.run('lucia');
    hidden.delete(erpId);
    await sync.run('lucia');
    await sync.run('lucia');

    expect(missed.report.planned.removeFromOutlook).toBe(0);
    expect(sync.folderContacts('lucia').filter((contact) => erpIdOf(contact) === erpId)).toHaveLength(1);
    expect(await sync.store.links.get(mailboxes.lucia.user, 'contact', erpId)).toMatchObject({ state: 'active', missedListings: 0 });
  });

  it('removes the Outlook copy after two listings in a row missed it, and leaves the ERP record alone', async () => {
    const sync = await start(scoped);
    await sync.run('lucia');
    const erpId = await leaveScope(sync);

    await sync.run('lucia');
    const second = await sync.run('lucia');

    expect(second.report.planned.removeFromOutlook).toBe(1);
    expect(sync.folderContacts('lucia').some((contact) => erpIdOf(contact) === erpId)).toBe(false);
    expect(await sync.erps.contoso.getContact(erpId)).toBeDefined();
    expect(await sync.store.links.get(mailboxes.lucia.user, 'contact', erpId)).toBeUndefined();
  });
});

describe('the mass-removal guard', () => {
  it('holds a run that would remove 30% of the synced contacts until the user confirms', async () => {
    const sync = await start();
    await sync.run('lucia');
    const records = await sync.erpContacts('lucia');
    const deleted = records.slice(0, Math.ceil(records.length * 0.3)).map((record) => record.id);
    for (const erpId of deleted) await sync.erps.contoso.deleteContact(erpId, actor);
    const [edited] = records.slice(-1);
    await sync.erps.contoso.updateContact(edited?.id ?? '', { jobTitle: 'Gerente', version: edited?.version ?? 0 }, actor);

    const held = await sync.run('lucia');
    const quietAfterHold = await sync.run('lucia');

    expect(held.status).toBe('waiting_confirmation');
    expect(held.report.heldRemovals.sort()).toEqual([...deleted].sort());
    expect(held.report.planned.updateInOutlook).toBe(1);
    expect(await sync.store.runs.get(mailboxes.lucia.user, held.id)).toMatchObject({ status: 'waiting_confirmation', stage: 'waiting_confirmation' });
    expect(sync.folderContacts('lucia')).toHaveLength(records.length);
    expect(quietAfterHold.status).toBe('waiting_confirmation');

    const confirmed = await sync.run('lucia', { confirmRemovals: true });

    expect(confirmed.status).toBe('succeeded');
    expect(confirmed.report.planned.removeFromOutlook).toBe(deleted.length);
    expect(folderByTag(sync)).toEqual(await sync.projection('lucia'));
    expect(await sync.erpContacts('lucia')).toHaveLength(records.length - deleted.length);
  });

  it('counts the share against the contacts synced before the run, not with the run\'s own creates', async () => {
    const sync = await start();
    await sync.run('lucia');
    const records = await sync.erpContacts('lucia');
    const deleted = records.slice(0, Math.ceil(records.length * 0.3)).map((record) => record.id);
    for (const erpId of deleted) await sync.erps.contoso.deleteContact(erpId, actor);
    // Twice as many new contacts as removals: with them in the denominator, 30% would look like 19%.
    for (let index = 0; index < deleted.length * 2; index += 1) {
      await sync.erps.contoso.createContact({ givenName: `Nueva ${index}`, surname: 'Cliente', emails: [`nueva.${index}@contoso-erp.test`] }, actor);
    }

    const held = await sync.run('lucia');
    // The creates are linked now, so the same removals are under 20% of the folder: they still wait for the user.
    const stillHeld = await sync.run('lucia');

    expect(held.status).toBe('waiting_confirmation');
    expect(held.report.heldRemovals.sort()).toEqual([...deleted].sort());
    expect(stillHeld.status).toBe('waiting_confirmation');
    expect(stillHeld.report.heldRemovals.sort()).toEqual([...deleted].sort());
    expect(sync.folderContacts('lucia')).toHaveLength(records.length + deleted.length * 2);

    const confirmed = await sync.run('lucia', { confirmRemovals: true });

    expect(confirmed.status).toBe('succeeded');
    expect(sync.folderContacts('lucia')).toHaveLength(records.length + deleted.length);
  });
});

describe('an expired Outlook delta link', () => {
  it('makes the next run list the folder again and adopt its items: nothing is created twice', async () => {
    const sync = await start();
    await sync.run('lucia');
    const before = sync.folderContacts('lucia');
    admin().expireDeltaTokens(mailboxes.lucia.user.objectId);

    const run = await sync.run('lucia');

    expect(run.report).toMatchObject({ outcome: 'succeeded', resynced: true, quiet: false });
    expect(run.report.planned.createInOutlook).toBe(0);
    expect(sync.folderContacts('lucia')).toEqual(before);
  });

  it('reads the folder again from the start when the saved link is empty, instead of reading nothing ever after', async () => {
    const sync = await start();
    await sync.run('lucia');
    await sync.store.cursors.put({ user: mailboxes.lucia.user, collection: 'contacts:outlook-delta', value: '', updatedAt: new Date(0).toISOString() });

    const run = await sync.run('lucia');

    expect(run.status).toBe('succeeded');
    expect((await sync.store.cursors.get(mailboxes.lucia.user, 'contacts:outlook-delta'))?.value).toMatch(/deltatoken=/i);
    expect(duplicatedTags(sync.folderContacts('lucia'))).toEqual([]);
  });

  it('expiring in the middle of a run is resynced by the next run, with no duplicates', async () => {
    let expireAtFirstWrite = false;
    const sync = await start({
      beforeGraphRequest: (method, url) => {
        if (expireAtFirstWrite && method === 'POST' && url.endsWith('/$batch')) {
          expireAtFirstWrite = false;
          admin().expireDeltaTokens(mailboxes.lucia.user.objectId);
        }
      },
    });
    await sync.run('lucia');
    const [record] = await sync.erpContacts('lucia');
    await sync.erps.contoso.updateContact(record?.id ?? '', { jobTitle: 'Socia', version: record?.version ?? 0 }, actor);
    expireAtFirstWrite = true;

    const interrupted = await sync.run('lucia');
    const linkAfterInterruption = await sync.store.cursors.get(mailboxes.lucia.user, 'contacts:outlook-delta');
    const next = await sync.run('lucia');
    admin().resetCounters();
    const quiet = await sync.run('lucia');

    expect(interrupted.status).toBe('succeeded');
    expect(linkAfterInterruption).toBeUndefined();
    expect(next.report).toMatchObject({ quiet: false, applied: 0 });
    expect(quiet.report.quiet).toBe(true);
    expect(admin().counters().requests).toBe(1);
    expect(duplicatedTags(sync.folderContacts('lucia'))).toEqual([]);
    expect(folderByTag(sync)).toEqual(await sync.projection('lucia'));
  });

  it('adopts the tagged items of a folder whose links were lost, instead of creating them again', async () => {
    const sync = await start();
    await sync.run('lucia');
    const before = sync.folderContacts('lucia');
    for (const link of await sync.store.links.listForUser(mailboxes.lucia.user, 'contact')) await sync.store.links.remove(mailboxes.lucia.user, 'contact', link.erpId);
    for (const collection of ['contacts:erp-feed', 'contacts:outlook-delta', 'contacts:state']) await sync.store.cursors.remove(mailboxes.lucia.user, collection);

    const run = await sync.run('lucia');

    expect(run.report.planned).toMatchObject({ adopt: before.length, createInOutlook: 0 });
    expect(sync.folderContacts('lucia')).toEqual(before);
  });
});

describe('two-way sync of a field edited on both sides', () => {
  async function editBothSides(sync: SyncWorld) {
    await sync.run('lucia');
    const [record] = await sync.erpContacts('lucia');
    const item = sync.folderContacts('lucia').find((contact) => erpIdOf(contact) === record?.id);
    if (!record || !item) throw new Error('no synced contact');
    await sync.erps.contoso.updateContact(record.id, { jobTitle: 'Jefe de compras (ERP)', version: record.version }, actor);
    const { client, mailbox } = sync.outlook('lucia');
    await updateContact(client, mailbox, item.id, { jobTitle: 'Jefe de compras (Outlook)' });
    return { erpId: record.id, outlookId: item.id };
  }

  const jobTitles = async (sync: SyncWorld, ids: { erpId: string; outlookId: string }) => ({
    erp: (await sync.erps.contoso.getContact(ids.erpId))?.jobTitle,
    outlook: sync.folderContacts('lucia').find((contact) => contact.id === ids.outlookId)?.fields.jobTitle,
  });

  it.each([
    ['erp-wins', 'Jefe de compras (ERP)', 'erp'],
    ['outlook-wins', 'Jefe de compras (Outlook)', 'outlook'],
    ['newest', 'Jefe de compras (Outlook)', 'outlook'],
  ] as const)('under %s both sides end with %j and the conflict is recorded as resolved', async (policy, winner, resolution) => {
    // Outlook stamps whole seconds; with the ERP's clock an hour behind, Outlook's later edit is also stamped later, so `newest` picks it.
    const sync = await start({ direction: 'two-way', policy, erpNow: () => new Date(Date.now() - 3_600_000) });
    const ids = await editBothSides(sync);

    await sync.run('lucia');

    expect(await jobTitles(sync, ids)).toEqual({ erp: winner, outlook: winner });
    expect(await sync.store.conflicts.listForUser(mailboxes.lucia.user)).toEqual([
      expect.objectContaining({ erpId: ids.erpId, field: 'jobTitle', erpValue: 'Jefe de compras (ERP)', outlookValue: 'Jefe de compras (Outlook)', status: 'resolved', resolution }),
    ]);
  });

  it('under manual keeps both values until the user chooses, then applies the choice on the next run', async () => {
    const sync = await start({ direction: 'two-way', policy: 'manual' });
    const ids = await editBothSides(sync);

    await sync.run('lucia');
    const waiting = await jobTitles(sync, ids);
    const [conflict] = await sync.store.conflicts.listForUser(mailboxes.lucia.user, 'open');
    await sync.store.conflicts.resolve(mailboxes.lucia.user, conflict?.id ?? '', 'outlook', new Date().toISOString());
    await sync.run('lucia');

    expect(waiting).toEqual({ erp: 'Jefe de compras (ERP)', outlook: 'Jefe de compras (Outlook)' });
    expect(conflict).toMatchObject({ field: 'jobTitle', erpValue: 'Jefe de compras (ERP)', outlookValue: 'Jefe de compras (Outlook)' });
    expect(await jobTitles(sync, ids)).toEqual({ erp: 'Jefe de compras (Outlook)', outlook: 'Jefe de compras (Outlook)' });
  });

  it('writes an Outlook-only edit to the ERP and then stays quiet', async () => {
    const sync = await start({ direction: 'two-way' });
    await sync.run('lucia');
    const [item] = sync.folderContacts('lucia');
    if (!item) throw new Error('nothing synced');
    const { client, mailbox } = sync.outlook('lucia');
    await updateContact(client, mailbox, item.id, { mobilePhone: '+34 600 123 456' });

    const run = await sync.run('lucia');
    admin().resetCounters();
    const next = await sync.run('lucia');

    expect(run.report.planned.updateInErp).toBe(1);
    expect((await sync.erps.contoso.getContact(erpIdOf(item) ?? ''))?.mobilePhone).toBe('+34 600 123 456');
    expect(next.report.quiet).toBe(true);
    expect(admin().counters().requests).toBe(1);
  });
});

describe('mailboxes of two tenants', () => {
  it('never see each other’s contacts', async () => {
    const sync = await start();

    await Promise.all([sync.run('lucia'), sync.run('amelie')]);

    const lucia = sync.folderContacts('lucia');
    const amelie = sync.folderContacts('amelie');
    expect(lucia.every((contact) => contact.tag?.startsWith('contoso:'))).toBe(true);
    expect(amelie.every((contact) => contact.tag?.startsWith('fabrikam:'))).toBe(true);
    expect(new Map(amelie.map((contact) => [contact.tag, { ...contact.fields, categories: undefined }]))).toEqual(await sync.projection('amelie'));
    expect(lucia).toHaveLength((await sync.erpContacts('lucia')).length);
    const luciaLinks = await sync.store.links.listForUser(mailboxes.lucia.user, 'contact');
    const amelieLinks = await sync.store.links.listForUser(mailboxes.amelie.user, 'contact');
    expect(luciaLinks.map((link) => link.outlookId).sort()).toEqual(lucia.map((contact) => contact.id).sort());
    expect(amelieLinks.map((link) => link.outlookId).sort()).toEqual(amelie.map((contact) => contact.id).sort());
  });
});

describe('the run lock', () => {
  it('answers a second Sync now with the running run, and never runs a mailbox twice at once', async () => {
    const sync = await start();
    const { environment, user } = mailboxes.lucia;

    const [first, second] = await Promise.all([sync.service.runNow(environment, user), sync.service.runNow(environment, user)]);
    const third = await sync.service.runNow(environment, user);
    await sync.service.waitForRun(first.runId);
    const afterwards = await sync.service.runNow(environment, user);
    await sync.service.waitForRun(afterwards.runId);

    expect(second.runId).toBe(first.runId);
    expect(third.runId).toBe(first.runId);
    expect(afterwards.runId).not.toBe(first.runId);
    expect(duplicatedTags(sync.folderContacts('lucia'))).toEqual([]);
    expect(admin().counters().mailboxes[user.objectId]?.peakConcurrency).toBeLessThanOrEqual(4);
  });

  it('refuses a run for a mailbox whose sync is off', async () => {
    const sync = await start();
    const { environment, user } = mailboxes.lucia;
    const settings = await sync.store.settings.get(user);
    if (!settings) throw new Error('no settings');
    await sync.store.settings.put(user, { ...settings, enabled: false }, new Date().toISOString());

    await expect(sync.service.runNow(environment, user)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('a run-level failure', () => {
  it('fails the run with the reason and leaves the folder and cursors as they were', async () => {
    const sync = await start();
    await sync.store.tokenCache.remove(mailboxes.lucia.user);

    const run = await sync.run('lucia');

    expect(run.status).toBe('failed');
    expect(run.report.failure).toMatchObject({ code: 'auth_required' });
    expect(sync.folderContacts('lucia')).toEqual([]);
    expect(await sync.store.cursors.get(mailboxes.lucia.user, 'contacts:state')).toBeUndefined();
  });
});
