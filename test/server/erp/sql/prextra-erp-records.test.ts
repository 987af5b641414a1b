import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErpActor } from '../../../../src/domain/erp-port';
import { openSqlErp } from '../../../../server/erp/sql/open-sql-erp';
import { steppingClock, type ErpContractSubject } from '../erp-port-contract';
import { openPrextraOnPostgres, prextraMapping } from './prextra-erp';

/** What the sql adapter makes of rows the ERP wrote itself, and what it writes back, on PostgreSQL. */
describe('the sql adapter over a Prextra-style ERP', () => {
  let subject: ErpContractSubject & { url: string };
  let erpDatabase: pg.Client;
  const actor: ErpActor = { erpUserId: '10', email: 'alice.martin@contoso.example' };

  beforeEach(async () => {
    subject = await openPrextraOnPostgres(steppingClock());
    erpDatabase = new pg.Client({ connectionString: subject.url });
    await erpDatabase.connect();
  });

  afterEach(async () => {
    await erpDatabase.end();
    await subject.erp.close();
    await subject.dispose?.();
  });

  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await erpDatabase.query<T>(text, values)).rows;

  it("reads the ERP's own rows: trimmed codes, French columns, bad emails left out", async () => {
    const [contact] = await query<{ no_contact: number }>(
      `insert into contacts_clients (no_client, prenom, nom, titre, courriel1, courriel2, courriel3, tel_bureau, ville, date_modif)
       values (500, ' Marie-Ève ', 'Côté', 'Acheteuse', 'n/a', 'Marie.Cote@Erable.ca', null, '514 555-0101', 'Laval', '2026-01-15 14:30:00.123456+00')
       returning no_contact`,
    );
    const id = String(contact?.no_contact);
    await query(
      `insert into activites (code_type, sujet, debut, fin, fuseau, code_statut, no_contact, no_client, date_modif)
       values ('VISITE', 'Visite du site', '2026-02-03 14:00:00+00', '2026-02-03 15:00:00+00', 'Mars/Olympus', 'FAIT', $1, 500, '2026-01-20 10:00:00'),
              ('XYZ', 'Code inconnu', null, null, null, 'AFAIRE', $1, 500, '2026-01-21 10:00:00')`,
      [contact?.no_contact],
    );

    expect(await subject.erp.getContact(id)).toEqual({
      id,
      givenName: 'Marie-Ève',
      surname: 'Côté',
      displayName: 'Marie-Ève Côté',
      jobTitle: 'Acheteuse',
      accountId: '500',
      companyName: 'Érable Distribution Inc.',
      emails: ['Marie.Cote@Erable.ca'],
      businessPhone: '514 555-0101',
      address: { city: 'Laval' },
      updatedAt: '2026-01-15T14:30:00.123Z',
      version: Date.parse('2026-01-15T14:30:00.123Z'),
    });
    const { items } = await subject.erp.listActions({ contactId: id, limit: 10 });
    expect(items.map(({ type, subject: text, status, timeZone, start }) => ({ type, text, status, timeZone, start }))).toEqual([
      { type: 'visit', text: 'Visite du site', status: 'done', timeZone: 'America/Toronto', start: '2026-02-03T14:00:00.000Z' },
      { type: 'note', text: 'Code inconnu', status: 'planned', timeZone: 'America/Toronto', start: undefined },
    ]);
    // The padded CHAR(10) code still reads, and the ERP's timestamp without zone is UTC.
    expect(items[1]?.updatedAt).toBe('2026-01-21T10:00:00.000Z');
  });

  it("writes the ERP's codes, its version column and who made the change", async () => {
    const contact = await subject.erp.createContact({ givenName: 'Jean', surname: 'Roy', emails: ['a@roy.ca', 'b@roy.ca', 'c@roy.ca', 'd@roy.ca'] }, actor);
    const call = await subject.erp.createAction(
      { type: 'call', subject: 'Appel', contactId: contact.id, start: '2026-03-01T15:00:00Z', end: '2026-03-01T15:15:00Z', allDay: false, timeZone: 'America/Toronto', status: 'done', private: true },
      actor,
    );
    await subject.erp.updateAction(call.id, { version: call.version, status: 'cancelled' }, actor);

    const [contactRow] = await query(`select courriel1, courriel2, courriel3, modifie_par from contacts_clients where no_contact = $1`, [Number(contact.id)]);
    expect(contactRow).toEqual({ courriel1: 'a@roy.ca', courriel2: 'b@roy.ca', courriel3: 'c@roy.ca', modifie_par: 'alice.martin@contoso.example' });
    const [actionRow] = await query(`select trim(code_type) as code_type, code_statut, prive, no_vendeur, no_version, fuseau from activites where no_activite = $1`, [Number(call.id)]);
    expect(actionRow).toEqual({ code_type: 'APPEL', code_statut: 'ANNULE', prive: true, no_vendeur: 10, no_version: 2, fuseau: 'America/Toronto' });
    expect(call.id).toMatch(/^\d+$/);
  });

  it('sees a change the ERP made itself as a newer version, and refuses the stale write', async () => {
    const contact = await subject.erp.createContact({ givenName: 'Jean', surname: 'Roy', emails: [] }, actor);
    await query(`update contacts_clients set titre = 'Directeur', date_modif = now() + interval '1 hour' where no_contact = $1`, [Number(contact.id)]);
    await expect(subject.erp.updateContact(contact.id, { version: contact.version, jobTitle: 'Vendeur' }, actor)).rejects.toMatchObject({ code: 'conflict' });
    const fresh = await subject.erp.getContact(contact.id);
    expect(fresh?.jobTitle).toBe('Directeur');
    const changes = await subject.erp.contactChanges(undefined, 10);
    expect(changes.items.map((item) => item.jobTitle)).toEqual(['Directeur']);
  });

  it('never writes an email cell it could not read, and writes only the columns that change', async () => {
    const [row] = await query<{ no_contact: number }>(
      `insert into contacts_clients (prenom, nom, courriel1, courriel2, remarques, date_modif)
       values (' Marie-Ève ', 'Côté', 'marie@cote.ca', 'pedidos@x.es; admin@x.es', 'Appeler le matin.  ', '2026-01-15 14:30:00+00')
       returning no_contact`,
    );
    const id = String(row?.no_contact);
    const read = await subject.erp.getContact(id);
    expect(read?.emails).toEqual(['marie@cote.ca']);

    // Outlook changed the first email; the rest of the record comes back as it was read.
    if (!read) throw new Error('the contact reads');
    const { id: _id, updatedAt: _updatedAt, companyName: _companyName, ...fields } = read;
    await subject.erp.updateContact(id, { ...fields, emails: ['marie.cote@erable.ca'], version: read.version }, actor);

    const [after] = await query(`select prenom, courriel1, courriel2, courriel3, remarques from contacts_clients where no_contact = $1`, [row?.no_contact]);
    expect(after).toEqual({
      prenom: ' Marie-Ève ',
      courriel1: 'marie.cote@erable.ca',
      courriel2: 'pedidos@x.es; admin@x.es',
      courriel3: null,
      remarques: 'Appeler le matin.  ',
    });
  });

  it('puts added emails in the columns it can read, around one it cannot', async () => {
    const [row] = await query<{ no_contact: number }>(
      `insert into contacts_clients (prenom, courriel1, courriel2) values ('Ana', 'n/a', 'ana@x.es') returning no_contact`,
    );
    const id = String(row?.no_contact);
    const read = await subject.erp.getContact(id);
    await subject.erp.updateContact(id, { emails: ['ana@x.es', 'ana.garcia@gmail.com', 'extra@x.es'], version: read?.version ?? 0 }, actor);
    const [after] = await query(`select courriel1, courriel2, courriel3 from contacts_clients where no_contact = $1`, [row?.no_contact]);
    // The third email has no readable column left: it is not stored, and n/a stays.
    expect(after).toEqual({ courriel1: 'n/a', courriel2: 'ana@x.es', courriel3: 'ana.garcia@gmail.com' });
  });

  it('writes nothing and keeps the version when a patch changes nothing', async () => {
    const contact = await subject.erp.createContact({ givenName: 'Jean', surname: 'Roy', emails: ['jean@roy.ca'] }, actor);
    const same = await subject.erp.updateContact(contact.id, { version: contact.version, givenName: 'Jean', emails: ['jean@roy.ca'] }, actor);
    expect(same).toEqual(contact);
  });

  it('refuses to store a private action where the ERP cannot keep it private', async () => {
    if (!prextraMapping.actions) throw new Error('the example mapping has actions');
    const { private: _private, ...columns } = prextraMapping.actions.columns;
    const actions = { ...prextraMapping.actions, columns };
    const erp = await openSqlErp({ dialect: 'postgres', connectionString: subject.url, mapping: { ...prextraMapping, actions } });
    try {
      await expect(
        erp.createAction({ type: 'note', subject: 'Secret', allDay: false, timeZone: 'UTC', status: 'done', private: true }, actor),
      ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('private') });
    } finally {
      await erp.close();
    }
  });

  it('stops at open when the mapping names a column the ERP lacks, naming the mapping key', async () => {
    const contacts = { ...prextraMapping.contacts, columns: { ...prextraMapping.contacts.columns, jobTitle: 'fonction' } };
    await expect(openSqlErp({ dialect: 'postgres', connectionString: subject.url, mapping: { ...prextraMapping, contacts } })).rejects.toThrow(
      'contacts.columns.jobTitle names column fonction, which contacts_clients does not have',
    );
    const wrongTable = { ...prextraMapping.contacts, table: 'contacts' };
    await expect(openSqlErp({ dialect: 'postgres', connectionString: subject.url, mapping: { ...prextraMapping, contacts: wrongTable } })).rejects.toThrow(
      'contacts.table names contacts',
    );
  });

  it('reports an ERP it cannot reach as unavailable', async () => {
    const unreachable = new URL(subject.url);
    unreachable.port = '1';
    await expect(openSqlErp({ dialect: 'postgres', connectionString: unreachable.toString(), mapping: prextraMapping })).rejects.toMatchObject({ code: 'erp_unavailable' });
  });
});
