import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSqlErpMapping, parseSqlErpMapping } from '../../../../server/erp/sql/load-sql-erp-mapping';
import type { SqlErpMappingInput } from '../../../../server/erp/sql/sql-erp-mapping';

const minimal = (): SqlErpMappingInput => ({
  contacts: { table: 'contacts_clients', id: { column: 'no_contact' }, updatedAt: 'date_modif', columns: { givenName: 'prenom', surname: 'nom' }, emails: ['courriel1'] },
});

const problems = (raw: unknown) => {
  try {
    parseSqlErpMapping(raw, 'mapping.json');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'valid';
};

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the sql ERP mapping', () => {
  it('fills defaults: integer keys made by the database, no emails, unknown action codes read as notes', () => {
    const mapping = parseSqlErpMapping({
      contacts: { table: 'erp.contacts', id: { column: 'id' }, updatedAt: 'changed', columns: { displayName: 'name' } },
      actions: { table: 'acts', id: { column: 'id', type: 'string', generated: 'uuid' }, updatedAt: 'changed', columns: { type: 'kind', subject: 'title' }, typeCodes: { C: 'call' } },
    });
    expect(mapping.contacts).toMatchObject({ id: { type: 'integer', generated: 'database' }, emails: [] });
    expect(mapping.actions).toMatchObject({ otherType: 'note', defaultTimeZone: 'UTC', id: { type: 'string', generated: 'uuid' } });
  });

  it('names an unknown key and where it is', () => {
    const raw = minimal();
    expect(problems({ ...raw, contacts: { ...raw.contacts, columns: { prenom: 'prenom' } } })).toContain('contacts.columns: Unrecognized key: "prenom"');
  });

  it('refuses a name that is not a plain SQL identifier', () => {
    const raw = minimal();
    expect(problems({ ...raw, contacts: { ...raw.contacts, columns: { givenName: 'prenom; drop table x' } } })).toContain(
      'contacts.columns.givenName: a column name such as no_contact',
    );
  });

  it('wants a name column for contacts, start and end together, known action types', () => {
    const raw = minimal();
    expect(problems({ ...raw, contacts: { ...raw.contacts, columns: { jobTitle: 'titre' } } })).toContain('contacts.columns: map at least one of givenName, surname, displayName');
    const actions = { table: 'activites', id: { column: 'no' }, updatedAt: 'date_modif', columns: { type: 'code', subject: 'sujet', start: 'debut' }, typeCodes: { APPEL: 'phone' } };
    const message = problems({ ...raw, actions });
    expect(message).toContain('actions.columns.end: map start and end together');
    expect(message).toContain('actions.typeCodes.APPEL');
  });

  it('wants the mapping of the records a column refers to', () => {
    const raw = minimal();
    expect(problems({ ...raw, contacts: { ...raw.contacts, columns: { givenName: 'prenom', accountId: 'no_client' } } })).toContain(
      'contacts.columns.accountId: needs the accounts mapping',
    );
  });

  it('names the key of a wrong scope, soft-delete, time zone, read-only field, full name or email table', () => {
    const raw = minimal();
    const contacts = (extra: object) => problems({ ...raw, contacts: { ...raw.contacts, ...extra } });
    expect(contacts({ scope: { where: [{ column: 'ACTIVO', equals: 'S', in: ['S'] }] } })).toContain('contacts.scope.where[0]');
    expect(contacts({ softDelete: { column: 'BAJA', deletedValues: [] } })).toContain('contacts.softDelete.deletedValues');
    expect(contacts({ updatedAtTimeZone: 'Madrid' })).toContain('contacts.updatedAtTimeZone: an IANA time zone');
    expect(contacts({ readOnly: ['nickname'] })).toContain('contacts.readOnly[0]');
    expect(contacts({ changeDetection: 'hash' })).toContain('contacts.changeDetection');
    expect(contacts({ scope: { ownedByMailbox: true } })).toContain('contacts.scope.ownedByMailbox: needs columns.ownerId');
    expect(contacts({ fullName: { column: 'NOMBRE', format: 'surname, given' } })).toContain('contacts.fullName: map either fullName or givenName/surname columns, not both');
    expect(contacts({ emailTable: { table: 'EMAILS', contactId: 'ID', email: 'EMAIL' } })).toContain('contacts.emailTable: map either emails columns or an emailTable, not both');
  });

  it('accepts a Spanish mapping: a full name, emails in a child table, a BAJA flag, Madrid time, an active scope', () => {
    const mapping = parseSqlErpMapping({
      contacts: {
        table: 'CLIENTES_CONTACTOS',
        id: { column: 'ID_CONTACTO' },
        updatedAt: 'FECHA_MODIF',
        updatedAtTimeZone: 'Europe/Madrid',
        fullName: { column: 'NOMBRE_COMPLETO', format: 'surname, given' },
        columns: { jobTitle: 'CARGO' },
        emailTable: { table: 'CONTACTOS_EMAILS', contactId: 'ID_CONTACTO', email: 'EMAIL', order: 'ORDEN' },
        softDelete: { column: 'BAJA', deletedValues: ['S'] },
        scope: { where: [{ column: 'ACTIVO', notIn: ['N'] }] },
        readOnly: ['jobTitle'],
      },
    });
    expect(mapping.contacts).toMatchObject({ changeDetection: 'updatedAt', emails: [], readOnly: ['jobTitle'] });
  });

  it('reads a mapping file and says which file is wrong', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mapping-'));
    folders.push(folder);
    const good = join(folder, 'good.json');
    writeFileSync(good, JSON.stringify(minimal()));
    expect(loadSqlErpMapping(good).contacts.table).toBe('contacts_clients');
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{ "contacts": ');
    expect(() => loadSqlErpMapping(broken)).toThrow(`ERP mapping file ${broken} is not JSON`);
    expect(() => loadSqlErpMapping(join(folder, 'missing.json'))).toThrow('ENOENT');
  });
});
