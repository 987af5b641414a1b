import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErpPort } from '../../../../src/domain/erp-port';
import { openSqlErp } from '../../../../server/erp/sql/open-sql-erp';
import { steppingClock } from '../erp-port-contract';

/** An ERP that stores the display name in its own column, beside the names and one email. */
describe('the sql adapter over a display-name column', () => {
  let folder: string;
  let erp: ErpPort;
  const actor = { email: 'alice.martin@contoso.example' };

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'display-'));
    const file = join(folder, 'erp.db');
    const setup = new Database(file);
    setup.exec(`create table personas (id integer primary key, nombre text, apellidos text, mostrar text, correo text, modificado text not null)`);
    setup.close();
    erp = await openSqlErp({
      dialect: 'sqlite',
      file,
      now: steppingClock(),
      mapping: { contacts: { table: 'personas', id: { column: 'id' }, updatedAt: 'modificado', columns: { givenName: 'nombre', surname: 'apellidos', displayName: 'mostrar' }, emails: ['correo'] } },
    });
  });

  afterEach(async () => {
    await erp.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('follows the names, then the email when the names are cleared, as a derived display name', async () => {
    const ana = await erp.createContact({ givenName: 'Ana', surname: 'García', emails: ['ana@garcia.es'] }, actor);
    const renamed = await erp.updateContact(ana.id, { version: ana.version, surname: 'García López' }, actor);
    expect(renamed.displayName).toBe('Ana García López');
    const nameless = await erp.updateContact(ana.id, { version: renamed.version, givenName: '', surname: '' }, actor);
    expect(nameless.displayName).toBe('ana@garcia.es');
    const moved = await erp.updateContact(ana.id, { version: nameless.version, emails: ['ana@lopez.es'] }, actor);
    expect(moved.displayName).toBe('ana@lopez.es');
  });

  it('keeps a display name typed by hand', async () => {
    const ana = await erp.createContact({ givenName: 'Ana', surname: 'García', displayName: 'Anita (compras)', emails: [] }, actor);
    expect((await erp.updateContact(ana.id, { version: ana.version, surname: 'López', givenName: '' }, actor)).displayName).toBe('Anita (compras)');
  });
});
