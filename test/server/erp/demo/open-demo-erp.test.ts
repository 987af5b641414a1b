import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, type LogEvent } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { demoFixedRecords } from '../../../../server/erp/demo/demo-fixed-records';
import { openDemoErp, type DemoErp } from '../../../../server/erp/demo/open-demo-erp';

const carmen = { erpUserId: demoFixedRecords.users.carmenRuiz.id, email: demoFixedRecords.users.carmenRuiz.email };
const opened: DemoErp[] = [];
const folders: string[] = [];

async function open(options: Parameters<typeof openDemoErp>[0]): Promise<DemoErp> {
  const erp = await openDemoErp(options);
  opened.push(erp);
  return erp;
}

function temporaryFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'demo-erp-'));
  folders.push(folder);
  return join(folder, 'nested', 'demo-erp.db');
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((erp) => erp.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('openDemoErp', () => {
  it('creates the file and its folder, seeds it on first start and keeps the data on the next', async () => {
    const file = temporaryFile();
    const first = await openDemoErp({ file, seed: { seed: 7, contacts: 50 } });
    const contact = await first.createContact({ givenName: 'Añadido', surname: 'Después', emails: ['added@example.es'] }, carmen);
    await first.close();

    const second = await open({ file, seed: { seed: 7, contacts: 50 } });
    expect(await second.getContact(contact.id)).toEqual(contact);
    const count = await second.database.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(51);
  });

  it('stamps writes with the injected clock, and never at or before the last change even if the clock stands still', async () => {
    const stopped = new Date('2026-05-04T10:00:00.000Z');
    const erp = await open({ file: ':memory:', now: () => stopped });
    const first = await erp.createContact({ givenName: 'Ana', emails: [] }, carmen);
    const second = await erp.createContact({ givenName: 'Bea', emails: [] }, carmen);
    const updated = await erp.updateContact(first.id, { version: first.version, jobTitle: 'Gerente' }, carmen);
    expect(first.updatedAt).toBe('2026-05-04T10:00:00.000Z');
    expect(second.updatedAt).toBe('2026-05-04T10:00:00.001Z');
    expect(updated.updatedAt).toBe('2026-05-04T10:00:00.002Z');
  });

  it('dates each field it changed, keeping the time of the fields a later write left alone', async () => {
    let clock = Date.parse('2026-05-04T10:00:00.000Z');
    const erp = await open({ file: ':memory:', now: () => new Date(clock) });
    const created = await erp.createContact({ givenName: 'Ana', emails: ['ana@acme.test'] }, carmen);
    clock += 60_000;
    const titled = await erp.updateContact(created.id, { version: created.version, jobTitle: 'Gerente', emails: ['ana@acme.test'] }, carmen);
    clock += 60_000;
    const phoned = await erp.updateContact(created.id, { version: titled.version, businessPhone: '+34 910 000 000' }, carmen);

    expect(phoned.fieldUpdatedAt).toEqual({ jobTitle: '2026-05-04T10:01:00.000Z', businessPhone: '2026-05-04T10:02:00.000Z' });
    expect((await erp.getContact(created.id))?.fieldUpdatedAt).toEqual(phoned.fieldUpdatedAt);
  });

  it('keeps the actions of a deleted contact, unlinked, and refuses to delete twice', async () => {
    const erp = await open({ file: ':memory:', seed: { seed: 1, contacts: 0 } });
    const { anaGarcia } = demoFixedRecords.contacts;
    const visit = await erp.getAction(demoFixedRecords.actions.anaVisit.id);
    await erp.deleteContact(anaGarcia.id, carmen);
    const after = await erp.getAction(demoFixedRecords.actions.anaVisit.id);
    expect(after).toMatchObject({ subject: visit?.subject, accountId: demoFixedRecords.accounts.nunezLogistica.id, version: (visit?.version ?? 0) + 1 });
    expect(after?.contactId).toBeUndefined();
    await expect(erp.deleteContact(anaGarcia.id, carmen)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('never reuses the id of a deleted contact', async () => {
    const erp = await open({ file: ':memory:' });
    const first = await erp.createContact({ givenName: 'Ana', emails: [] }, carmen);
    await erp.deleteContact(first.id, carmen);
    const second = await erp.createContact({ givenName: 'Bea', emails: [] }, carmen);
    expect(second.id).not.toBe(first.id);
  });

  it('looks a contact up by email with two queries, the first an index seek', async () => {
    const queries: CompiledQuery[] = [];
    const erp = await open({ file: ':memory:', seed: { seed: 3, contacts: 400 }, log: (event: LogEvent) => void queries.push(event.query) });
    queries.length = 0;
    const page = await erp.searchContacts({ email: 'ANA.GARCIA@example.es', limit: 10 });
    expect(page.items.map((contact) => contact.id)).toEqual([demoFixedRecords.contacts.anaGarcia.id]);
    expect(queries).toHaveLength(2);
    const [lookup] = queries;
    if (!lookup) throw new Error('no query logged');
    const plan = await erp.database.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${lookup.sql}`, [...lookup.parameters]));
    const steps = plan.rows.map((row) => row.detail);
    expect(steps).toContainEqual(expect.stringContaining('USING COVERING INDEX contact_emails_email_lower (email_lower=?)'));
    expect(steps.filter((step) => step.startsWith('SCAN'))).toEqual([]);
  });

  it('reports a closed database as unavailable', async () => {
    const erp = await openDemoErp({ file: ':memory:' });
    await erp.close();
    await expect(erp.getContact('1')).rejects.toMatchObject({ code: 'erp_unavailable' });
  });
});
