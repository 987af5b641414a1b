import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../dev/m365/graph/graph-error';
import { erpIdPropertyId } from '../../../src/graph/erp-id-property';
import { folderContactsPath } from '../../../src/graph/contacts/contact-paths';
import { createContactFolder } from '../../../src/graph/contacts/create-contact-folder';
import type { GraphContact } from '../../../src/graph/contacts/graph-contact';
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

/** The ERP changes the street while Outlook changes the city of a synced contact. */
async function editStreetAndCity(sync: SyncWorld) {
  const { record, item } = await syncedPair(sync);
  await sync.erps.contoso.updateContact(record.id, { address: { ...record.address, street: 'Calle Nueva 7' }, version: record.version }, actor);
  const { client, mailbox } = sync.outlook('lucia');
  await updateContact(client, mailbox, item.id, { businessAddress: { ...item.fields.address, city: 'Alcalá de Henares' } });
  return { record, item, expected: { street: 'Calle Nueva 7', city: 'Alcalá de Henares' } };
}

/** The ERP adds an email while Outlook changes the primary of a synced contact. */
async function addEmailAndChangePrimary(sync: SyncWorld) {
  const { record, item } = await syncedPair(sync);
  await sync.erps.contoso.updateContact(record.id, { emails: [...record.emails, 'pedidos@cliente-erp.test'], version: record.version }, actor);
  const { client, mailbox } = sync.outlook('lucia');
  await updateContact(client, mailbox, item.id, { emailAddresses: [{ address: 'nuevo.principal@cliente-erp.test' }] });
  return { record, item, expected: ['nuevo.principal@cliente-erp.test', 'pedidos@cliente-erp.test'] };
}

/**
 * Runs with every Outlook write failing, as if the bridge died around it: `before` it is made
 * (the ERP holds the merge, Outlook its user's edit), or `after` (made, but its answer lost).
 */
const runWithOutlookWritesFailing = async (sync: SyncWorld, when: 'before' | 'after') => {
  const { admin } = worlds.shared().m365.graph;
  admin.interceptRequests(async (request, serve) => {
    if (request.method === 'PATCH' && request.batchItem) {
      if (when === 'after') await serve();
      throw new GraphError(500, 'generalException', 'General exception while processing.');
    }
    await serve();
  });
  try {
    await sync.run('lucia');
  } finally {
    admin.interceptRequests(undefined);
  }
};

describe('two-way contact sync merges lists and addresses part by part', () => {
  it.each(policies)('keeps the ERP street and the Outlook city on both sides, with no conflict, under %s', async (policy) => {
    const sync = await worlds.start({ direction: 'two-way', policy });
    const { record, item, expected } = await editStreetAndCity(sync);

    await sync.run('lucia');

    expect((await sync.erps.contoso.getContact(record.id))?.address).toMatchObject(expected);
    expect(outlookItem(sync, item.id)?.fields.address).toMatchObject(expected);
    expect(await sync.store.conflicts.listForUser(mailboxes.lucia.user)).toEqual([]);
  });

  it.each(policies)('keeps the email the ERP added while Outlook changed the primary, under %s', async (policy) => {
    const sync = await worlds.start({ direction: 'two-way', policy });
    const { record, item, expected } = await addEmailAndChangePrimary(sync);

    await sync.run('lucia');

    expect((await sync.erps.contoso.getContact(record.id))?.emails).toEqual(expected);
    expect(outlookItem(sync, item.id)?.fields.emails).toEqual(expected);
    expect(await sync.store.conflicts.listForUser(mailboxes.lucia.user)).toEqual([]);
  });
});

describe('a run whose Outlook write is lost after its ERP write', () => {
  it.each(policies)('still gives Outlook the ERP street next to its own city, and keeps the street in the ERP, under %s', async (policy) => {
    const sync = await worlds.start({ direction: 'two-way', policy });
    const { record, item, expected } = await editStreetAndCity(sync);
    await runWithOutlookWritesFailing(sync, 'before');
    expect((await sync.erps.contoso.getContact(record.id))?.address).toMatchObject(expected);
    expect(outlookItem(sync, item.id)?.fields.address?.street).toBe(record.address?.street);

    await sync.run('lucia');

    expect((await sync.erps.contoso.getContact(record.id))?.address).toMatchObject(expected);
    expect(outlookItem(sync, item.id)?.fields.address).toMatchObject(expected);
  });

  it.each(policies)('still gives Outlook the email the ERP added next to its new primary, and keeps it in the ERP, under %s', async (policy) => {
    const sync = await worlds.start({ direction: 'two-way', policy });
    const { record, item, expected } = await addEmailAndChangePrimary(sync);
    await runWithOutlookWritesFailing(sync, 'before');
    expect((await sync.erps.contoso.getContact(record.id))?.emails).toEqual(expected);

    await sync.run('lucia');

    expect((await sync.erps.contoso.getContact(record.id))?.emails).toEqual(expected);
    expect(outlookItem(sync, item.id)?.fields.emails).toEqual(expected);
  });
});

describe('a conflict the policy settles', () => {
  it.each([
    ['after overwriting the losing Outlook value', 'after'],
    ['before overwriting the losing Outlook value', 'before'],
  ] as const)('stays on record, once, when the run dies %s', async (_moment, when) => {
    const sync = await worlds.start({ direction: 'two-way', policy: 'erp-wins' });
    const { record, item } = await syncedPair(sync);
    await sync.erps.contoso.updateContact(record.id, { jobTitle: 'Jefa de compras', version: record.version }, actor);
    const { client, mailbox } = sync.outlook('lucia');
    await updateContact(client, mailbox, item.id, { jobTitle: 'Compradora' });

    await runWithOutlookWritesFailing(sync, when);
    await sync.run('lucia');

    expect(outlookItem(sync, item.id)?.fields.jobTitle).toBe('Jefa de compras');
    expect(await sync.store.conflicts.listForUser(mailboxes.lucia.user)).toEqual([
      expect.objectContaining({ erpId: record.id, field: 'jobTitle', erpValue: 'Jefa de compras', outlookValue: 'Compradora', status: 'resolved', resolution: 'erp' }),
    ]);
  });
});

describe('copies of a synced contact', () => {
  const oneMinute = 60_000;

  it('removes only an untouched copy of a synced contact, and leaves the copy the user edited alone, reporting it', async () => {
    const sync = await worlds.start();
    const { item } = await syncedPair(sync);
    const { client, mailbox } = sync.outlook('lucia');
    const copy = (givenName: string) =>
      client.request<GraphContact>('POST', folderContactsPath(mailbox, sync.folders.lucia), {
        body: { givenName, surname: item.fields.surname, singleValueExtendedProperties: [{ id: erpIdPropertyId, value: item.tag }] },
      });
    const untouched = await copy(item.fields.givenName ?? 'Copia');
    const usersCopy = await copy('Copia de trabajo');
    worlds.shared().advanceGraphClock(oneMinute);
    await updateContact(client, mailbox, usersCopy.id ?? '', { jobTitle: 'Notas de la visita del martes' });

    const run = await sync.run('lucia');

    const ids = sync.folderContacts('lucia').filter((contact) => contact.tag === item.tag).map((contact) => contact.id);
    expect(ids.sort()).toEqual([item.id, usersCopy.id].sort());
    expect(ids).not.toContain(untouched.id);
    expect(outlookItem(sync, usersCopy.id ?? '')?.fields.jobTitle).toBe('Notas de la visita del martes');
    expect(run.report.planned).toMatchObject({ deduplicate: 1, duplicatesLeftAlone: 1 });
  });

  it('merges the edits of a contact the user moved out of the folder and back, instead of overwriting them', async () => {
    const sync = await worlds.start({ direction: 'two-way' });
    const { record, item } = await syncedPair(sync);
    const { client, mailbox } = sync.outlook('lucia');
    const elsewhere = (await createContactFolder(client, mailbox, 'Pendientes')).id ?? '';
    const admin = worlds.shared().m365.graph.admin;
    admin.moveContact(mailboxes.lucia.user.objectId, item.id, elsewhere);
    await sync.run('lucia');
    worlds.shared().advanceGraphClock(oneMinute);
    await updateContact(client, mailbox, item.id, { jobTitle: 'Director de compras' });
    admin.moveContact(mailboxes.lucia.user.objectId, item.id, sync.folders.lucia);

    await sync.run('lucia');

    const copies = sync.folderContacts('lucia').filter((contact) => contact.tag === item.tag);
    expect(copies.map((contact) => contact.id)).toEqual([item.id]);
    expect(copies[0]?.fields.jobTitle).toBe('Director de compras');
    expect((await sync.erps.contoso.getContact(record.id))?.jobTitle).toBe('Director de compras');
  });
});

describe('values the ERP refuses', () => {
  it('reports a refused email and an over-long job title, syncs the rest of the record both ways, and lets later changes through', async () => {
    const sync = await worlds.start({ direction: 'two-way' });
    const { record, item } = await syncedPair(sync);
    const [email] = record.emails;
    const longTitle = 'Responsable de compras '.repeat(5).trim();
    const { client, mailbox } = sync.outlook('lucia');
    await updateContact(client, mailbox, item.id, {
      emailAddresses: [{ address: email }, { address: 'juan@empresa' }],
      jobTitle: longTitle,
      mobilePhone: '+34 600 111 222',
    });

    const run = await sync.run('lucia');

    expect(run.status).toBe('succeeded');
    expect(run.report.failures).toEqual(expect.arrayContaining([
      expect.objectContaining({ erpId: record.id, operation: 'updateInErp', code: 'invalid_input', field: 'emails', value: 'juan@empresa' }),
      expect.objectContaining({ erpId: record.id, operation: 'updateInErp', code: 'invalid_input', field: 'jobTitle', value: longTitle }),
    ]));
    const inErp = await sync.erps.contoso.getContact(record.id);
    expect(inErp).toMatchObject({ mobilePhone: '+34 600 111 222', emails: [email] });
    expect(inErp?.jobTitle).toBe(record.jobTitle);
    expect(outlookItem(sync, item.id)?.fields).toMatchObject({ emails: [email, 'juan@empresa'], jobTitle: longTitle, mobilePhone: '+34 600 111 222' });
    const state = await sync.store.cursors.get(mailboxes.lucia.user, 'contacts:state');
    expect(JSON.parse(state?.value ?? '{}')).toMatchObject({ pending: false });

    await sync.erps.contoso.updateContact(record.id, { businessPhone: '+34 910 222 333', version: inErp?.version ?? 0 }, actor);
    const next = await sync.run('lucia');

    expect(next.status).toBe('succeeded');
    expect(outlookItem(sync, item.id)?.fields).toMatchObject({ businessPhone: '+34 910 222 333', emails: [email, 'juan@empresa'], jobTitle: longTitle });
  });
});

describe('newest, field by field', () => {
  it('gives the job title to the later Outlook edit although the ERP edited the phone after it', async () => {
    const sync = await worlds.start({ direction: 'two-way', policy: 'newest' });
    const { record, item } = await syncedPair(sync);
    const minute = 60_000;
    const titled = await sync.erps.contoso.updateContact(record.id, { jobTitle: 'Jefe de compras (ERP)', version: record.version }, actor);
    worlds.shared().advanceGraphClock(minute);
    const { client, mailbox } = sync.outlook('lucia');
    await updateContact(client, mailbox, item.id, { jobTitle: 'Jefe de compras (Outlook)' });
    sync.advanceErpClock(2 * minute);
    await sync.erps.contoso.updateContact(record.id, { businessPhone: '+34 910 444 555', version: titled.version }, actor);

    await sync.run('lucia');

    expect((await sync.erps.contoso.getContact(record.id))).toMatchObject({ jobTitle: 'Jefe de compras (Outlook)', businessPhone: '+34 910 444 555' });
    expect(outlookItem(sync, item.id)?.fields).toMatchObject({ jobTitle: 'Jefe de compras (Outlook)', businessPhone: '+34 910 444 555' });
    expect(await sync.store.conflicts.listForUser(mailboxes.lucia.user)).toEqual([expect.objectContaining({ field: 'jobTitle', resolution: 'outlook' })]);
  });
});
