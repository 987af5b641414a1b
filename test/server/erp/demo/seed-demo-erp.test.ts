import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { demoFixedRecords } from '../../../../server/erp/demo/demo-fixed-records';
import { generateDemoData } from '../../../../server/erp/demo/generate-demo-data';
import { openDemoErp, type DemoErp } from '../../../../server/erp/demo/open-demo-erp';
import { seedDemoErp, type SeedProgress } from '../../../../server/erp/demo/seed-demo-erp';

const opened: DemoErp[] = [];

async function seeded(seed: number, contacts: number, extra: { batchSize?: number; onProgress?: (progress: SeedProgress) => void } = {}): Promise<DemoErp> {
  const erp = await openDemoErp({ file: ':memory:' });
  opened.push(erp);
  await seedDemoErp(erp, { seed, contacts, ...extra });
  return erp;
}

async function dump(erp: DemoErp) {
  const tables = ['erp_users', 'accounts', 'contacts', 'contact_emails', 'actions'] as const;
  return Promise.all(tables.map((table) => sql`select * from ${sql.table(table)} order by 1, 2`.execute(erp.database).then((result) => result.rows)));
}

async function rows<T>(erp: DemoErp, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(erp.database)).rows;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((erp) => erp.close()));
});

describe('seedDemoErp', () => {
  it('makes the same rows from the same seed, whatever the batch size', async () => {
    const [first, second] = await Promise.all([seeded(42, 600), seeded(42, 600, { batchSize: 37 })]);
    expect(await dump(second)).toEqual(await dump(first));
  });

  it('makes other rows from another seed', async () => {
    const [first, second] = await Promise.all([seeded(1, 300), seeded(2, 300)]);
    const names = async (erp: DemoErp) => (await rows(erp, sql<{ display_name: string }>`select display_name from contacts where id > 8 order by id`)).map((row) => row.display_name);
    expect(await names(second)).not.toEqual(await names(first));
  });

  it('counts contacts with the fixed ones and reports progress up to the total', async () => {
    const progress: SeedProgress[] = [];
    const erp = await seeded(5, 1_000, { batchSize: 250, onProgress: (step) => progress.push(step) });
    const [count] = await rows(erp, sql<{ n: number }>`select count(*) as n from contacts`);
    expect(count?.n).toBe(1_000);
    expect(progress.at(-1)).toEqual({ contactsDone: 1_000, contactsTotal: 1_000 });
    expect(progress.map((step) => step.contactsDone)).toEqual([...progress.map((step) => step.contactsDone)].sort((a, b) => a - b));
  });

  describe('the data it makes', () => {

    it('mixes Spanish, French and English people and companies, with their accents', async () => {
      const erp = await seeded(11, 2_000);
      const countries = await rows(erp, sql<{ country: string; n: number }>`select country_or_region as country, count(*) as n from accounts group by 1`);
      expect(countries.map((row) => row.country).sort()).toEqual(['Canada', 'España', 'France', 'México', 'United Kingdom', 'United States']);
      const names = (await rows(erp, sql<{ name: string }>`select display_name as name from contacts`)).map((row) => row.name);
      for (const letter of ['á', 'é', 'ñ', 'ç', 'è']) expect(names.some((name) => name.toLowerCase().includes(letter))).toBe(true);
      const companies = (await rows(erp, sql<{ name: string }>`select name from accounts`)).map((row) => row.name);
      for (const suffix of [' S.L.', ' S.A.', ' SARL', ' Inc.', ' Ltd', ' S.A. de C.V.']) expect(companies.some((name) => name.endsWith(suffix))).toBe(true);
    });

    it('gives contacts up to three emails, some none, and some an email another contact shares', async () => {
      const erp = await seeded(12, 2_000);
      const perContact = await rows(erp, sql<{ emails: number; n: number }>`
        select coalesce(e.emails, 0) as emails, count(*) as n from contacts c
        left join (select contact_id, count(*) as emails from contact_emails group by contact_id) e on e.contact_id = c.id
        group by 1 order by 1`);
      expect(perContact.map((row) => row.emails)).toEqual([0, 1, 2, 3]);
      const shared = await rows(erp, sql<{ email: string }>`select email_lower as email from contact_emails group by 1 having count(distinct contact_id) > 1`);
      expect(shared.length).toBeGreaterThan(10);
      const sharer = shared[0]?.email ?? '';
      expect((await erp.searchContacts({ email: sharer.toUpperCase(), limit: 10 })).items.length).toBeGreaterThan(1);
    });

    it('plans actions of every type in six time zones: timed, all-day, untimed with or without a due date, some private', async () => {
      const erp = await seeded(13, 2_000);
      const zones = await rows(erp, sql<{ zone: string }>`select distinct time_zone as zone from actions order by 1`);
      expect(zones.map((row) => row.zone)).toEqual(['America/Mexico_City', 'America/New_York', 'America/Toronto', 'Europe/London', 'Europe/Madrid', 'Europe/Paris']);
      const [shape] = await rows(
        erp,
        sql<{ types: number; timed: number; allDay: number; dueDated: number; undated: number; private: number; statuses: number }>`
          select count(distinct type) as types,
            sum(start_at is not null and all_day = 0) as timed, sum(all_day) as allDay,
            sum(start_at is null and due_date is not null) as dueDated, sum(start_at is null and due_date is null) as undated,
            sum(private) as private, count(distinct status) as statuses
          from actions`,
      );
      expect(shape).toMatchObject({ types: 6, statuses: 3 });
      for (const count of [shape?.timed, shape?.allDay, shape?.dueDated, shape?.undated, shape?.private]) expect(count).toBeGreaterThan(0);
    });

    it('puts timed actions in working hours of their own time zone', async () => {
      const erp = await seeded(14, 500);
      const timed = await rows(erp, sql<{ start: string; zone: string }>`select start_at as start, time_zone as zone from actions where start_at is not null and all_day = 0`);
      for (const { start, zone } of timed) {
        const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(start)));
        expect(hour).toBeGreaterThanOrEqual(8);
        expect(hour).toBeLessThanOrEqual(17);
      }
    });
  });

  describe('the fixed records', () => {
    it('are there whatever the seed, and found through the port', async () => {
      const erp = await seeded(99, 20);
      const { contacts, users, accounts, actions } = demoFixedRecords;
      const byEmail = async (email: string) => (await erp.searchContacts({ email, limit: 5 })).items.map((contact) => contact.id).sort();
      expect(await byEmail(contacts.anaGarcia.email)).toEqual([contacts.anaGarcia.id]);
      expect(await byEmail(contacts.anaGarcia.secondaryEmail.toLowerCase())).toEqual([contacts.anaGarcia.id]);
      expect(await byEmail(contacts.mariaJoseIbanez.email)).toEqual([contacts.joseNunez.id, contacts.mariaJoseIbanez.id]);
      expect(await byEmail(contacts.francoisTremblay.emails[2])).toEqual([contacts.francoisTremblay.id]);
      expect(await erp.getContact(contacts.markup.id)).toMatchObject({ displayName: '<img src=x onerror=alert(1)>' });
      expect(await erp.getContact(contacts.goncaloPena.id)).toMatchObject({ displayName: 'Gonçalo Peña', emails: [] });
      expect(await erp.findUserByEmail(users.etienneGagnon.email)).toMatchObject({ id: users.etienneGagnon.id, displayName: 'Étienne Gagnon' });
      expect(await erp.getAccount(accounts.nunezLogistica.id)).toMatchObject({ name: 'Núñez Logística S.L.' });
      const seenByEtienne = await erp.listActions({ contactId: contacts.anaGarcia.id, viewerId: users.etienneGagnon.id, limit: 10 });
      expect(seenByEtienne.items.map((action) => action.id)).not.toContain(actions.anaPrivateCall.id);
      const seenByCarmen = await erp.listActions({ contactId: contacts.anaGarcia.id, viewerId: users.carmenRuiz.id, limit: 10 });
      expect(seenByCarmen.items.map((action) => action.id)).toContain(actions.anaPrivateCall.id);
      expect(await erp.getAction(actions.anaTradeFair.id)).toMatchObject({ allDay: true, timeZone: 'Europe/Madrid', start: '2026-06-07T22:00:00.000Z' });
    });

    it('put salespeople given as options right after the fixed ones', async () => {
      const batches = [...generateDemoData({ seed: 1, contacts: 0, salespeople: [{ email: 'adele@contoso.example', displayName: 'Adele Vance' }] })];
      const users = batches.flatMap((batch) => batch.users);
      expect(users[3]).toMatchObject({ id: 4, email: 'adele@contoso.example', display_name: 'Adele Vance' });
    });
  });

  it('refuses to seed a database that already holds data', async () => {
    const erp = await seeded(1, 10);
    await expect(seedDemoErp(erp, { seed: 1, contacts: 10 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
