import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../../../src/graph/create-graph-client';
import { createContact } from '../../../../src/graph/contacts/create-contact';
import { createContactFolder } from '../../../../src/graph/contacts/create-contact-folder';
import { deleteContact } from '../../../../src/graph/contacts/delete-contact';
import { erpIdPropertyId, readErpKey } from '../../../../src/graph/erp-id-property';
import { findContactByErpId } from '../../../../src/graph/contacts/find-contact-by-erp-id';
import { getContact } from '../../../../src/graph/contacts/get-contact';
import { listContactFolders } from '../../../../src/graph/contacts/list-contact-folders';
import { toGraphContact } from '../../../../src/graph/contacts/to-graph-contact';
import { toOutlookContactFields } from '../../../../src/graph/contacts/to-outlook-contact-fields';
import { updateContact } from '../../../../src/graph/contacts/update-contact';
import { type GatewayTest, startGatewayTest } from '../support/start-gateway-test';
import { buildErpContact } from '../../../builders/build-erp-contact';

let test: GatewayTest;
let folderId: string;
beforeEach(async () => {
  test = await startGatewayTest();
  folderId = (await createContactFolder(test.client, test.mailbox, 'ERP')).id ?? '';
});
afterEach(() => test.close());

const acme = (erpId: string) => ({ environment: 'acme', erpId });

describe('contact folders', () => {
  it('lists the folders under Contacts, including one just created, and creates child folders', async () => {
    const { client, mailbox } = test;
    await createContactFolder(client, mailbox, 'Clientes');
    const child = await createContactFolder(client, mailbox, 'Proveedores', folderId);

    const folders = await listContactFolders(client, mailbox);

    expect(folders.map((folder) => folder.displayName).toSorted()).toEqual(['Clientes', 'ERP']);
    expect(child.parentFolderId).toBe(folderId);
  });

  it('reads all folders when they take more than one page', async () => {
    const { client, mailbox } = test;
    for (let index = 0; index < 104; index += 1) await createContactFolder(client, mailbox, `Folder ${index}`);

    expect(await listContactFolders(client, mailbox)).toHaveLength(105);
  });
});

describe('contacts', () => {
  it('creates a contact tagged <environment>:<erpId> and reads back the fields it was given', async () => {
    const { client, mailbox } = test;
    const erpContact = buildErpContact();

    const created = await createContact(client, mailbox, folderId, toGraphContact(erpContact), acme(erpContact.id));
    const read = await getContact(client, mailbox, created.id ?? '');

    expect(read.singleValueExtendedProperties).toEqual([{ id: erpIdPropertyId, value: `acme:${erpContact.id}` }]);
    expect(readErpKey(read)).toEqual(acme(erpContact.id));
    expect(toOutlookContactFields(read)).toEqual({
      givenName: 'José',
      surname: 'Núñez',
      displayName: 'José Núñez',
      companyName: 'Ferretería Núñez S.L.',
      jobTitle: 'Gerente',
      emails: ['jose@ferreteria.test', 'compras@ferreteria.test', 'jnunez@correo.test'],
      businessPhone: '+34 910 000 001',
      mobilePhone: '+34 600 000 001',
      address: { street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', countryOrRegion: 'España' },
      notes: 'Prefiere llamadas por la mañana.',
      categories: [],
    });
  });

  it('finds its own contact by ERP id in the folder, telling apart ids that differ only in case', async () => {
    const { client, mailbox } = test;
    const upper = await createContact(client, mailbox, folderId, toGraphContact({ givenName: 'Upper', emails: [] }), acme('C-1'));
    await createContact(client, mailbox, folderId, toGraphContact({ givenName: 'Lower', emails: [] }), acme('c-1'));

    const found = await findContactByErpId(client, mailbox, folderId, acme('C-1'));
    const missing = await findContactByErpId(client, mailbox, folderId, acme('C-2'));

    expect(found?.id).toBe(upper.id);
    expect(missing).toBeUndefined();
  });

  it('writes with If-Match: a stale etag is refused with precondition_failed, the fresh one goes through', async () => {
    const { client, mailbox } = test;
    const created = await createContact(client, mailbox, folderId, toGraphContact({ givenName: 'Ana', emails: [] }), acme('C-1'));
    const staleEtag = created['@odata.etag'];
    const changedInOutlook = await updateContact(client, mailbox, created.id ?? '', { nickName: 'Anita' });

    await expect(updateContact(client, mailbox, created.id ?? '', { jobTitle: 'CEO' }, staleEtag)).rejects.toMatchObject({ code: 'precondition_failed', status: 412 });
    const updated = await updateContact(client, mailbox, created.id ?? '', { jobTitle: 'CEO' }, changedInOutlook['@odata.etag']);
    expect(updated).toMatchObject({ jobTitle: 'CEO', nickName: 'Anita' });
  });

  it('keeps what Outlook owns when the ERP fields are written again: nickname, second business phone, categories', async () => {
    const { client, mailbox } = test;
    const created = await createContact(client, mailbox, folderId, toGraphContact({ givenName: 'Ana', businessPhone: '1', emails: [] }), acme('C-1'));
    const edited = await updateContact(client, mailbox, created.id ?? '', { nickName: 'Anita', businessPhones: ['1', '2'], categories: ['VIP'] });

    const updated = await updateContact(client, mailbox, created.id ?? '', toGraphContact({ givenName: 'Ana', businessPhone: '3', emails: [] }, edited));

    expect(updated).toMatchObject({ nickName: 'Anita', businessPhones: ['3', '2'], categories: ['VIP'] });
  });

  it('deletes a contact, and says so when it was already gone', async () => {
    const { client, mailbox } = test;
    const created = await createContact(client, mailbox, folderId, toGraphContact({ givenName: 'Ana', emails: [] }), acme('C-1'));

    expect(await deleteContact(client, mailbox, created.id ?? '')).toBe('deleted');
    expect(await deleteContact(client, mailbox, created.id ?? '')).toBe('already_gone');
    await expect(getContact(client, mailbox, created.id ?? '')).rejects.toMatchObject({ code: 'not_found', graphCode: 'ErrorItemNotFound' });
  });

  it('creates each contact exactly once under throttling, 503s, 504s and connection resets', async () => {
    const { client, mailbox, graph } = test;
    graph.emulator.admin.setFaults({ seed: 11, throttledShare: 0.1, serviceUnavailableShare: 0.1, gatewayTimeoutShare: 0.1, connectionResetShare: 0.1, retryAfterSeconds: 0.2 });

    await Promise.all(Array.from({ length: 100 }, (_, index) => createContact(client, mailbox, folderId, toGraphContact({ givenName: `C${index}`, emails: [] }), acme(`C-${index}`))));

    const faults = graph.emulator.admin.faults().injected;
    expect(new Set(faults)).toEqual(new Set(['throttled', 'serviceUnavailable', 'gatewayTimeout', 'connectionReset']));
    const names = graph.emulator.admin.readMailbox(mailbox).contacts.map((contact) => contact.givenName);
    expect(names.toSorted()).toEqual(Array.from({ length: 100 }, (_, index) => `C${index}`).toSorted());
  });

  it('finds the contact it created when the answer to the create was lost, instead of creating it again', async () => {
    const { graph, mailbox } = test;
    let answersToLose = 1;
    const client = createGraphClient({
      baseUrl: `${graph.emulator.url}/v1.0`,
      getAccessToken: async () => graph.appToken,
      sleep: async () => {},
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (init?.method === 'POST' && answersToLose-- > 0) throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
        return response;
      },
    });

    const created = await createContact(client, mailbox, folderId, toGraphContact({ givenName: 'Once', emails: [] }), acme('C-1'));

    const stored = graph.emulator.admin.readMailbox(mailbox).contacts;
    expect(stored.map((contact) => contact.givenName)).toEqual(['Once']);
    expect(created.id).toBe(stored[0]?.immutableId);
  });
});
