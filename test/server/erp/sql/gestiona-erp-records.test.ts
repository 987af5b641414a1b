import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErpActor } from '../../../../src/domain/erp-port';
import { openSqlErp } from '../../../../server/erp/sql/open-sql-erp';
import type { SqlErpMapping } from '../../../../server/erp/sql/sql-erp-mapping';
import { steppingClock, type ErpContractSubject } from '../erp-port-contract';
import { gestionaMapping, openGestionaOnPostgres } from './gestiona-erp';

/** What the sql adapter makes of a Spanish ERP's own rows, and what it writes back, on PostgreSQL. */
describe('the sql adapter over a Spanish-style ERP', () => {
  let subject: ErpContractSubject & { url: string };
  let erpDatabase: pg.Client;
  const actor: ErpActor = { erpUserId: '10', email: 'alice.martin@contoso.example' };

  const open = async (adjust?: (contacts: SqlErpMapping['contacts']) => SqlErpMapping['contacts']) => {
    subject = await openGestionaOnPostgres(steppingClock(), adjust);
    erpDatabase = new pg.Client({ connectionString: subject.url });
    await erpDatabase.connect();
  };

  afterEach(async () => {
    await erpDatabase.end();
    await subject.erp.close();
    await subject.dispose?.();
  });

  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await erpDatabase.query<T>(text, values)).rows;
  const insertContact = async (columns: Record<string, unknown>, emails: string[] = []) => {
    const names = Object.keys(columns);
    const [row] = await query<{ id: number }>(
      `insert into "CLIENTES_CONTACTOS" (${names.map((name) => `"${name}"`).join(', ')}) values (${names.map((_, index) => `$${index + 1}`).join(', ')}) returning "ID_CONTACTO" as id`,
      Object.values(columns),
    );
    for (const [index, email] of emails.entries()) {
      await query(`insert into "CONTACTOS_EMAILS" ("ID_CONTACTO", "EMAIL", "ORDEN") values ($1, $2, $3)`, [row?.id, email, index + 1]);
    }
    return String(row?.id);
  };

  it("reads the ERP's own rows: the full name split, emails in their order, Madrid wall clock as an instant", async () => {
    await open();
    const winter = await insertContact({ NOMBRE_COMPLETO: 'García López, Ana María', ID_CLIENTE: 500, FECHA_MODIF: '2026-01-15 10:30:00' }, ['ana@garcia.es', 'pedidos@x.es; admin@x.es', 'ana.garcia@gmail.com']);
    const summer = await insertContact({ NOMBRE_COMPLETO: 'Jordi', FECHA_MODIF: '2026-07-15 10:30:00' });
    expect(await subject.erp.getContact(winter)).toMatchObject({
      givenName: 'Ana María',
      surname: 'García López',
      displayName: 'Ana María García López',
      companyName: 'Érable Distribution Inc.',
      emails: ['ana@garcia.es', 'ana.garcia@gmail.com'],
      updatedAt: '2026-01-15T09:30:00.000Z',
    });
    expect(await subject.erp.getContact(summer)).toMatchObject({ givenName: 'Jordi', displayName: 'Jordi', updatedAt: '2026-07-15T08:30:00.000Z' });
    expect((await subject.erp.getContact(summer))?.surname).toBeUndefined();
  });

  it("writes the ERP's way: 'surname, given', one email row each in order, Madrid wall clock, BAJA = 'N'", async () => {
    await open();
    // The stepping clock reads 2026-03-02T09:00:01Z first: 10:00:01 in Madrid.
    const contact = await subject.erp.createContact({ givenName: 'Ana', surname: 'García', emails: ['ana@garcia.es', 'ventas@garcia.es'] }, actor);
    const [row] = await query(`select "NOMBRE_COMPLETO", "BAJA", "USUARIO_MODIF", to_char("FECHA_MODIF", 'YYYY-MM-DD HH24:MI:SS') as "FECHA_MODIF" from "CLIENTES_CONTACTOS" where "ID_CONTACTO" = $1`, [Number(contact.id)]);
    expect(row).toEqual({ NOMBRE_COMPLETO: 'García, Ana', BAJA: 'N', USUARIO_MODIF: 'alice.martin@contoso.example', FECHA_MODIF: '2026-03-02 10:00:01' });
    expect(await query(`select "EMAIL", "ORDEN" from "CONTACTOS_EMAILS" where "ID_CONTACTO" = $1 order by "ORDEN"`, [Number(contact.id)])).toEqual([
      { EMAIL: 'ana@garcia.es', ORDEN: 1 },
      { EMAIL: 'ventas@garcia.es', ORDEN: 2 },
    ]);
    expect(contact.updatedAt).toBe('2026-03-02T09:00:01.000Z');
  });

  it('changes the email rows with the fewest writes and leaves a row it could not read alone', async () => {
    await open();
    const id = await insertContact({ NOMBRE_COMPLETO: 'Núñez, José' }, ['jose@nunez.es', 'pedidos@x.es; admin@x.es', 'info@nunez.es']);
    const before = await query<{ ID_EMAIL: number; EMAIL: string }>(`select "ID_EMAIL", "EMAIL" from "CONTACTOS_EMAILS" where "ID_CONTACTO" = $1`, [Number(id)]);
    const read = await subject.erp.getContact(id);
    await subject.erp.updateContact(id, { version: read?.version ?? 0, emails: ['info@nunez.es', 'jose@nunez.es', 'nuevo@nunez.es'] }, actor);
    const after = await query<{ ID_EMAIL: number; EMAIL: string; ORDEN: number }>(`select "ID_EMAIL", "EMAIL", "ORDEN" from "CONTACTOS_EMAILS" where "ID_CONTACTO" = $1 order by "ID_EMAIL"`, [Number(id)]);
    const idOf = (email: string) => before.find((row) => row.EMAIL === email)?.ID_EMAIL;
    expect(after).toEqual([
      { ID_EMAIL: idOf('jose@nunez.es'), EMAIL: 'jose@nunez.es', ORDEN: 2 },
      { ID_EMAIL: idOf('pedidos@x.es; admin@x.es'), EMAIL: 'pedidos@x.es; admin@x.es', ORDEN: 2 },
      { ID_EMAIL: idOf('info@nunez.es'), EMAIL: 'info@nunez.es', ORDEN: 1 },
      { ID_EMAIL: expect.any(Number), EMAIL: 'nuevo@nunez.es', ORDEN: 3 },
    ]);
    expect((await subject.erp.getContact(id))?.emails).toEqual(['info@nunez.es', 'jose@nunez.es', 'nuevo@nunez.es']);
  });

  it('keeps a full name the ERP typed its own way when the name does not change', async () => {
    await open();
    const id = await insertContact({ NOMBRE_COMPLETO: 'GARCÍA LÓPEZ,ANA', CARGO: 'Compras' });
    const read = await subject.erp.getContact(id);
    expect(read).toMatchObject({ givenName: 'ANA', surname: 'GARCÍA LÓPEZ' });
    await subject.erp.updateContact(id, { version: read?.version ?? 0, givenName: 'ANA', surname: 'GARCÍA LÓPEZ', jobTitle: 'Directora de compras' }, actor);
    expect(await query(`select "NOMBRE_COMPLETO", "CARGO" from "CLIENTES_CONTACTOS" where "ID_CONTACTO" = $1`, [Number(id)])).toEqual([
      { NOMBRE_COMPLETO: 'GARCÍA LÓPEZ,ANA', CARGO: 'Directora de compras' },
    ]);
  });

  it('reads a contact the ERP marked BAJA as gone: no read, no search, a tombstone in the change feed', async () => {
    await open();
    const ana = await subject.erp.createContact({ givenName: 'Ana', emails: ['ana@garcia.es'] }, actor);
    const { nextCursor } = await subject.erp.contactChanges(undefined, 10);
    await subject.deleteContact?.(ana.id, actor);
    expect(await subject.erp.getContact(ana.id)).toBeUndefined();
    expect((await subject.erp.searchContacts({ email: 'ana@garcia.es', limit: 5 })).items).toEqual([]);
    expect(await subject.erp.contactChanges(nextCursor, 10)).toMatchObject({ items: [], deletedIds: [ana.id] });
    await expect(subject.erp.updateContact(ana.id, { version: ana.version, jobTitle: 'x' }, actor)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('syncs only the rows in scope, and reports a row that leaves the scope as gone', async () => {
    await open((contacts) => ({ ...contacts, scope: { where: [{ column: 'ID_VENDEDOR', equals: 10 }], ownedByMailbox: false } }));
    const mine = await insertContact({ NOMBRE_COMPLETO: 'Roca, Pau', ID_VENDEDOR: 10, FECHA_MODIF: '2026-03-01 10:00:00' });
    const other = await insertContact({ NOMBRE_COMPLETO: 'Vidal, Laia', ID_VENDEDOR: 11, FECHA_MODIF: '2026-03-01 10:00:00' });
    expect((await subject.erp.searchContacts({ limit: 10 })).items.map((contact) => contact.id)).toEqual([mine]);
    expect(await subject.erp.getContact(other)).toBeUndefined();
    const first = await subject.erp.contactChanges(undefined, 10);
    expect(first).toMatchObject({ items: [{ id: mine }], deletedIds: [] });
    await query(`update "CLIENTES_CONTACTOS" set "ID_VENDEDOR" = 11, "FECHA_MODIF" = '2026-03-02 10:00:00' where "ID_CONTACTO" = $1`, [Number(mine)]);
    expect(await subject.erp.contactChanges(first.nextCursor, 10)).toMatchObject({ items: [], deletedIds: [mine] });
  });

  it("gives each mailbox the contacts its ERP user owns, and tells a mailbox when one goes to another owner", async () => {
    await open((contacts) => ({ ...contacts, scope: { ownedByMailbox: true } }));
    const alices = await insertContact({ NOMBRE_COMPLETO: 'Roca, Pau', ID_VENDEDOR: 10, FECHA_MODIF: '2026-03-01 10:00:00' });
    const brunos = await insertContact({ NOMBRE_COMPLETO: 'Vidal, Laia', ID_VENDEDOR: 11, FECHA_MODIF: '2026-03-01 10:00:00' });
    await insertContact({ NOMBRE_COMPLETO: 'Nadie, Sin', FECHA_MODIF: '2026-03-01 10:00:00' });
    const listed = async (erpUserId?: string) => (await subject.erp.searchContacts({ limit: 10, mailbox: erpUserId === undefined ? {} : { erpUserId } })).items.map((contact) => contact.id);
    expect(await listed('10')).toEqual([alices]);
    expect(await listed('11')).toEqual([brunos]);
    expect(await listed()).toEqual([]);
    // A lookup from the pane is not a mailbox's listing: it sees every contact.
    expect((await subject.erp.searchContacts({ limit: 10 })).items).toHaveLength(3);

    const first = await subject.erp.contactChanges(undefined, 10, { erpUserId: '10' });
    expect(first.items.map((contact) => contact.id)).toEqual([alices]);
    await query(`update "CLIENTES_CONTACTOS" set "ID_VENDEDOR" = 11, "FECHA_MODIF" = '2026-03-02 10:00:00' where "ID_CONTACTO" = $1`, [Number(alices)]);
    expect(await subject.erp.contactChanges(first.nextCursor, 10, { erpUserId: '10' })).toMatchObject({ items: [], deletedIds: [alices] });
  });

  it('refuses to change a read-only field, naming it, and writes the others', async () => {
    await open((contacts) => ({ ...contacts, readOnly: ['jobTitle'] }));
    const id = await insertContact({ NOMBRE_COMPLETO: 'Roca, Pau', CARGO: 'Gerente' });
    const read = await subject.erp.getContact(id);
    const version = read?.version ?? 0;
    const refused = subject.erp.updateContact(id, { version, jobTitle: 'Contable', mobilePhone: '612 00 00 00' }, actor);
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('jobTitle: read-only') });
    const written = await subject.erp.updateContact(id, { version, jobTitle: 'Gerente', mobilePhone: '612 00 00 00' }, actor);
    expect(written).toMatchObject({ jobTitle: 'Gerente', mobilePhone: '612 00 00 00' });
  });

  it('stops at open when the email table or the BAJA column is misnamed, naming the mapping key', async () => {
    await open();
    const emailTable = { table: 'CONTACTOS_EMAILS', contactId: 'ID_CONTACTO', email: 'CORREO', order: 'ORDEN' };
    await expect(openSqlErp({ dialect: 'postgres', connectionString: subject.url, mapping: { ...gestionaMapping, contacts: { ...gestionaMapping.contacts, emailTable } } })).rejects.toThrow(
      'contacts.emailTable.email names column CORREO, which CONTACTOS_EMAILS does not have',
    );
    const softDelete = { column: 'BORRADO', deletedValues: ['S'] };
    await expect(openSqlErp({ dialect: 'postgres', connectionString: subject.url, mapping: { ...gestionaMapping, contacts: { ...gestionaMapping.contacts, softDelete } } })).rejects.toThrow(
      'contacts.softDelete.column names column BORRADO',
    );
  });

  describe('when the ERP edits without moving FECHA_MODIF', () => {
    const editQuietly = (id: string) => query(`update "CLIENTES_CONTACTOS" set "CARGO" = 'Director' where "ID_CONTACTO" = $1`, [Number(id)]);

    it('misses the edit by modification time: the reason for content hashes', async () => {
      await open();
      const ana = await subject.erp.createContact({ givenName: 'Ana', emails: [] }, actor);
      const { nextCursor } = await subject.erp.contactChanges(undefined, 10);
      await editQuietly(ana.id);
      expect((await subject.erp.contactChanges(nextCursor, 10)).items).toEqual([]);
    });

    it('finds the edit and the BAJA mark by content hash, and refuses a write made on the old version', async () => {
      await open((contacts) => ({ ...contacts, changeDetection: 'contentHash' }));
      const ana = await subject.erp.createContact({ givenName: 'Ana', emails: [] }, actor);
      const jose = await subject.erp.createContact({ givenName: 'José', emails: [] }, actor);
      const { nextCursor } = await subject.erp.contactChanges(undefined, 10);
      expect((await subject.erp.contactChanges(nextCursor, 10)).items).toEqual([]);
      await editQuietly(ana.id);
      await query(`update "CLIENTES_CONTACTOS" set "BAJA" = 'S' where "ID_CONTACTO" = $1`, [Number(jose.id)]);
      const changes = await subject.erp.contactChanges(nextCursor, 10);
      expect(changes.items.map((contact) => [contact.id, contact.jobTitle])).toEqual([[ana.id, 'Director']]);
      expect(changes.deletedIds).toEqual([jose.id]);
      await expect(subject.erp.updateContact(ana.id, { version: ana.version, jobTitle: 'Gerente' }, actor)).rejects.toMatchObject({ code: 'conflict' });
    });

    it('pages a round of content-hash changes without losing or repeating one', async () => {
      await open((contacts) => ({ ...contacts, changeDetection: 'contentHash' }));
      const created = [];
      for (let index = 0; index < 7; index++) created.push(await subject.erp.createContact({ givenName: `Persona ${index}`, emails: [] }, actor));
      let cursor = (await subject.erp.contactChanges(undefined, 1000)).nextCursor;
      for (const contact of created) await editQuietly(contact.id);
      const seen: string[] = [];
      for (let page = 0; page < 10; page++) {
        const changes = await subject.erp.contactChanges(cursor, 3);
        seen.push(...changes.items.map((contact) => contact.id));
        cursor = changes.nextCursor;
        if (!changes.hasMore) break;
      }
      expect(seen.sort()).toEqual(created.map((contact) => contact.id).sort());
      expect((await subject.erp.contactChanges(cursor, 3)).items).toEqual([]);
    });
  });
});
