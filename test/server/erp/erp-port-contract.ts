import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErpError, type ChangeFeed, type ErpActor, type ErpPort, type MailboxScope } from '../../../src/domain/erp-port';
import type { ActionInput, ContactInput, ErpAction, ErpContact } from '../../../src/domain/erp-records';
import type { Page } from '../../../src/domain/page';

/** The ERP users and companies every subject starts with; the suite writes everything else through the port. */
export const contractUsers = {
  alice: { email: 'Alice.Martin@contoso.example', displayName: 'Alice Martin' },
  bruno: { email: 'bruno.roy@contoso.example', displayName: 'Bruno Roy' },
} as const;

export const contractAccounts = {
  erable: { name: 'Érable Distribution Inc.' },
  lefevre: { name: 'Lefèvre et Fils SARL' },
} as const;

export interface ErpContractSubject {
  erp: ErpPort;
  userIds: Record<keyof typeof contractUsers, string>;
  accountIds: Record<keyof typeof contractAccounts, string>;
  /** Deletes a contact leaving a tombstone, for adapters that can. */
  deleteContact?: (id: string, actor: ErpActor) => Promise<void>;
  /** Deletes an action leaving a tombstone, for adapters that can. */
  deleteAction?: (id: string, actor: ErpActor) => Promise<void>;
  /** Releases what the factory made (the port's `close` is called by the suite). */
  dispose?: () => Promise<void>;
}

/** Builds a fresh ERP holding only the contract's users and accounts; `now` is the clock it must use. */
export type ErpContractFactory = (now: () => Date) => Promise<ErpContractSubject>;

/** A clock that moves one second each time it is read, so every write is later than the one before. */
export function steppingClock(start = '2026-03-02T09:00:00.000Z'): () => Date {
  let instant = Date.parse(start);
  return () => new Date((instant += 1_000));
}

async function rejection(promise: Promise<unknown>): Promise<ErpError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ErpError)) throw new Error(`expected an ErpError, got ${String(error)}`);
  return error;
}

/** Reads a change feed from `cursor` to its end, page by page; returns what it saw and the cursor to read on from. */
async function readFeed<T extends { id: string }>(read: (cursor: string | undefined) => Promise<ChangeFeed<T>>, cursor: string | undefined) {
  const items: T[] = [];
  const deletedIds: string[] = [];
  let next = cursor;
  let pages = 0;
  let more = true;
  while (more && pages < 100) {
    const page = await read(next);
    items.push(...page.items);
    deletedIds.push(...page.deletedIds);
    next = page.nextCursor;
    more = page.hasMore;
    pages++;
  }
  return { items, deletedIds, nextCursor: next, pages };
}

async function collect<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
}

/**
 * The behaviour every `ErpPort` adapter owes the bridge, whatever the ERP behind it. Call it from a
 * test file with a factory; each test gets a fresh ERP.
 */
export function describeErpPortContract(name: string, factory: ErpContractFactory): void {
  describe(`${name} as an ErpPort`, () => {
    let subject: ErpContractSubject;
    let erp: ErpPort;
    let actor: ErpActor;

    beforeEach(async () => {
      subject = await factory(steppingClock());
      erp = subject.erp;
      actor = { erpUserId: subject.userIds.alice, email: 'alice.martin@contoso.example' };
    });

    afterEach(async () => {
      await erp.close();
      await subject.dispose?.();
    });

    const create = (input: Partial<ContactInput>) => erp.createContact({ emails: [], ...input }, actor);
    const idsOf = (contacts: readonly ErpContact[]) => contacts.map((contact) => contact.id).sort();

    describe('users', () => {
      it('answers a ping', async () => {
        await expect(erp.ping()).resolves.toBeUndefined();
      });

      it('finds an ERP user by email whatever its case', async () => {
        const user = await erp.findUserByEmail('ALICE.MARTIN@CONTOSO.EXAMPLE');
        expect(user).toMatchObject({ id: subject.userIds.alice, displayName: 'Alice Martin' });
        expect(await erp.getUser(subject.userIds.bruno)).toMatchObject({ email: 'bruno.roy@contoso.example' });
      });

      it('reads no user for an unknown email or id', async () => {
        expect(await erp.findUserByEmail('nobody@contoso.example')).toBeUndefined();
        expect(await erp.getUser('999999')).toBeUndefined();
        expect(await erp.getUser('not-an-id')).toBeUndefined();
      });
    });

    describe('contacts: create and read', () => {
      it('creates a contact and reads it back with its id, version, company name and owner', async () => {
        const created = await create({
          givenName: 'Françoise',
          surname: 'Lefèvre',
          jobTitle: 'Responsable des achats',
          accountId: subject.accountIds.lefevre,
          emails: ['francoise.lefevre@lefevre-fils.fr', 'f.lefevre@orange.fr'],
          businessPhone: '01 42 68 53 10',
          mobilePhone: '06 12 34 56 78',
          address: { street: '12 rue de la Forêt', city: 'Paris', postalCode: '75011', countryOrRegion: 'France' },
          notes: 'Préfère être appelée le matin.',
        });
        expect(created).toMatchObject({
          displayName: 'Françoise Lefèvre',
          companyName: 'Lefèvre et Fils SARL',
          emails: ['francoise.lefevre@lefevre-fils.fr', 'f.lefevre@orange.fr'],
          ownerId: subject.userIds.alice,
          address: { city: 'Paris', postalCode: '75011' },
        });
        expect(created.version).toEqual(expect.any(Number));
        expect(Date.parse(created.updatedAt)).not.toBeNaN();
        expect(await erp.getContact(created.id)).toEqual(created);
      });

      it('keeps markup as plain text', async () => {
        const markup = '<img src=x onerror=alert(1)>';
        const created = await create({ givenName: markup, notes: '<script>alert("x")</script>', emails: ['markup@example.com'] });
        const read = await erp.getContact(created.id);
        expect(read).toMatchObject({ givenName: markup, displayName: markup, notes: '<script>alert("x")</script>' });
      });

      it('refuses a contact with neither a name nor an email', async () => {
        const error = await rejection(create({ jobTitle: 'Nobody' }));
        expect(error.code).toBe('invalid_input');
      });

      it('refuses an invalid email and names the field', async () => {
        const error = await rejection(create({ givenName: 'Ana', emails: ['ana@example.es', 'not an email'] }));
        expect(error.code).toBe('invalid_input');
        expect(error.message).toContain('emails[1]');
      });

      it('refuses a company that does not exist', async () => {
        const error = await rejection(create({ givenName: 'Ana', accountId: '999999' }));
        expect(error).toMatchObject({ code: 'invalid_input' });
        expect(error.message).toContain('accountId');
      });

      it('reads no contact for an unknown or malformed id', async () => {
        expect(await erp.getContact('999999')).toBeUndefined();
        expect(await erp.getContact('abc')).toBeUndefined();
      });
    });

    describe('contacts: search by email', () => {
      it('finds a contact by its primary email in any case', async () => {
        const ana = await create({ givenName: 'Ana', surname: 'García', emails: ['ana.garcia@example.es'] });
        const page = await erp.searchContacts({ email: 'Ana.GARCIA@Example.ES', limit: 10 });
        expect(idsOf(page.items)).toEqual([ana.id]);
        expect(page.nextCursor).toBeUndefined();
      });

      it('finds a contact by a secondary or third email stored in mixed case', async () => {
        const francois = await create({ givenName: 'François', surname: 'Tremblay', emails: ['francois@erable.ca', 'Ventes@Erable.ca', 'FTremblay@Videotron.ca'] });
        expect(idsOf((await erp.searchContacts({ email: 'ventes@erable.ca', limit: 10 })).items)).toEqual([francois.id]);
        expect(idsOf((await erp.searchContacts({ email: 'ftremblay@videotron.ca', limit: 10 })).items)).toEqual([francois.id]);
      });

      it('finds every contact that shares an email', async () => {
        const jose = await create({ givenName: 'José', surname: 'Núñez', emails: ['jose@nunez.es', 'info@nunez.es'] });
        const maria = await create({ givenName: 'María José', surname: 'Ibáñez', emails: ['info@nunez.es'] });
        await create({ givenName: 'Otro', emails: ['otro@nunez.es'] });
        expect(idsOf((await erp.searchContacts({ email: 'INFO@nunez.es', limit: 10 })).items)).toEqual(idsOf([jose, maria]));
      });

      it('finds nothing for an email no contact has', async () => {
        await create({ givenName: 'Ana', emails: ['ana@example.es'] });
        expect((await erp.searchContacts({ email: 'ana@example.com', limit: 10 })).items).toEqual([]);
      });
    });

    describe('contacts: search by name or company', () => {
      beforeEach(async () => {
        await create({ givenName: 'José', surname: 'Núñez', emails: ['jose@nunez.es'] });
        await create({ givenName: 'Françoise', surname: 'Lefèvre', accountId: subject.accountIds.lefevre });
        await create({ givenName: 'François', surname: 'Tremblay', accountId: subject.accountIds.erable });
        await create({ givenName: 'Olivia', surname: 'Bennett' });
      });

      const names = async (text: string, accountId?: string) =>
        (await erp.searchContacts({ text, limit: 25, ...(accountId && { accountId }) })).items.map((contact) => contact.displayName);

      it('matches a surname prefix without accents, with accents and in capitals', async () => {
        expect(await names('nunez')).toEqual(['José Núñez']);
        expect(await names('Núñ')).toEqual(['José Núñez']);
        expect(await names('NUÑEZ')).toEqual(['José Núñez']);
      });

      it('matches a given-name prefix across accents and orders by folded display name', async () => {
        // "francois tremblay" sorts before "francoise lefevre": a space comes before any letter.
        expect(await names('franc')).toEqual(['François Tremblay', 'Françoise Lefèvre']);
      });

      it('matches a display name and a company name prefix', async () => {
        expect(await names('jose nu')).toEqual(['José Núñez']);
        expect(await names('erable')).toEqual(['François Tremblay']);
        expect(await names('lefèvre et')).toEqual(['Françoise Lefèvre']);
      });

      it('does not match inside a word, nor treat % and _ as wildcards', async () => {
        expect(await names('unez')).toEqual([]);
        expect(await names('%')).toEqual([]);
        expect(await names('_')).toEqual([]);
      });

      it('narrows a search to one company', async () => {
        expect(await names('fran', subject.accountIds.erable)).toEqual(['François Tremblay']);
        expect((await erp.searchContacts({ accountId: subject.accountIds.lefevre, limit: 10 })).items.map((contact) => contact.displayName)).toEqual(['Françoise Lefèvre']);
      });
    });

    describe('contacts: paging', () => {
      it('pages through every match exactly once, in display-name order', async () => {
        const created: ErpContact[] = [];
        for (let index = 0; index < 23; index++) {
          // Equal names on purpose: paging must still be exact when the sort key ties.
          created.push(await create({ givenName: 'Lucía', surname: `Pérez ${String(index % 7).padStart(2, '0')}`, emails: [`lucia${index}@example.es`] }));
        }
        await create({ givenName: 'Someone', surname: 'Else' });
        const { items, pages } = await collect((cursor) => erp.searchContacts({ text: 'lucia', limit: 5, ...(cursor && { cursor }) }));
        expect(pages).toBe(5);
        expect(idsOf(items)).toEqual(idsOf(created));
        const surnames = items.map((contact) => contact.surname ?? '');
        expect(surnames).toEqual([...surnames].sort());
      });

      it('refuses a cursor it did not hand out', async () => {
        const error = await rejection(erp.searchContacts({ text: 'a', cursor: 'bm90IGEgY3Vyc29y', limit: 5 }));
        expect(error.code).toBe('invalid_input');
      });
    });

    describe('contacts: update', () => {
      it('changes the named fields, keeps the others and moves the version on', async () => {
        const ana = await create({ givenName: 'Ana', surname: 'García', jobTitle: 'Compras', emails: ['ana@example.es', 'ana2@example.es'] });
        const updated = await erp.updateContact(ana.id, { version: ana.version, jobTitle: 'Directora de compras', mobilePhone: '612 34 56 78' }, actor);
        expect(updated).toMatchObject({ givenName: 'Ana', jobTitle: 'Directora de compras', mobilePhone: '612 34 56 78', emails: ['ana@example.es', 'ana2@example.es'] });
        expect(updated.version).not.toBe(ana.version);
        expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(ana.updatedAt));
      });

      it('follows a name change in a display name that was only the name', async () => {
        const ana = await create({ givenName: 'Ana', surname: 'García' });
        expect((await erp.updateContact(ana.id, { version: ana.version, surname: 'García López' }, actor)).displayName).toBe('Ana García López');
      });

      it('replaces the emails when the patch names them', async () => {
        const ana = await create({ givenName: 'Ana', emails: ['old@example.es', 'keep@example.es'] });
        const updated = await erp.updateContact(ana.id, { version: ana.version, emails: ['keep@example.es', 'new@example.es'] }, actor);
        expect(updated.emails).toEqual(['keep@example.es', 'new@example.es']);
        expect((await erp.searchContacts({ email: 'old@example.es', limit: 5 })).items).toEqual([]);
        expect(idsOf((await erp.searchContacts({ email: 'new@example.es', limit: 5 })).items)).toEqual([ana.id]);
      });

      it('refuses a stale version with a conflict and leaves the contact as it was', async () => {
        const ana = await create({ givenName: 'Ana' });
        const first = await erp.updateContact(ana.id, { version: ana.version, jobTitle: 'Gerente' }, actor);
        const error = await rejection(erp.updateContact(ana.id, { version: ana.version, jobTitle: 'Contable' }, actor));
        expect(error.code).toBe('conflict');
        expect(await erp.getContact(ana.id)).toEqual(first);
      });

      it('lets only one of two writers holding the same version through', async () => {
        const ana = await create({ givenName: 'Ana' });
        const results = await Promise.allSettled([
          erp.updateContact(ana.id, { version: ana.version, jobTitle: 'A' }, actor),
          erp.updateContact(ana.id, { version: ana.version, jobTitle: 'B' }, actor),
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const failure = results.find((result) => result.status === 'rejected');
        expect(failure?.reason).toMatchObject({ code: 'conflict' });
      });

      it('reports an unknown contact as not found', async () => {
        expect((await rejection(erp.updateContact('999999', { version: 1, jobTitle: 'x' }, actor))).code).toBe('not_found');
      });

      it('refuses an invalid patch', async () => {
        const ana = await create({ givenName: 'Ana' });
        expect((await rejection(erp.updateContact(ana.id, { version: ana.version, emails: ['nope'] }, actor))).code).toBe('invalid_input');
      });
    });

    describe('accounts', () => {
      it('finds companies by a name prefix whatever the accents and reads one by id', async () => {
        const page = await erp.searchAccounts({ text: 'LEFEV', limit: 10 });
        expect(page.items.map((account) => account.name)).toEqual(['Lefèvre et Fils SARL']);
        expect(await erp.getAccount(subject.accountIds.erable)).toMatchObject({ name: 'Érable Distribution Inc.' });
        expect(await erp.getAccount('999999')).toBeUndefined();
      });

      it('lists every company across pages', async () => {
        const { items } = await collect((cursor) => erp.searchAccounts({ limit: 1, ...(cursor && { cursor }) }));
        expect(items.map((account) => account.name)).toEqual(['Érable Distribution Inc.', 'Lefèvre et Fils SARL']);
      });
    });

    describe('actions', () => {
      it('creates a timed action and reads it back in UTC with its time zone', async () => {
        const contact = await create({ givenName: 'François', accountId: subject.accountIds.erable });
        const action = await erp.createAction(
          { type: 'visit', subject: 'Visite du site', start: '2026-03-10T09:30:00-04:00', end: '2026-03-10T11:00:00-04:00', timeZone: 'America/Toronto', contactId: contact.id, allDay: false, status: 'planned', private: false },
          actor,
        );
        expect(action).toMatchObject({
          type: 'visit',
          start: '2026-03-10T13:30:00.000Z',
          end: '2026-03-10T15:00:00.000Z',
          timeZone: 'America/Toronto',
          contactId: contact.id,
          accountId: subject.accountIds.erable,
          ownerId: subject.userIds.alice,
          status: 'planned',
          private: false,
        });
        expect(await erp.getAction(action.id)).toEqual(action);
      });

      it('creates an untimed task with a due date and an all-day meeting', async () => {
        const task = await erp.createAction({ type: 'task', subject: 'Préparer l’offre', dueDate: '2026-03-12', allDay: false, timeZone: 'Europe/Paris', status: 'planned', private: false }, actor);
        expect(task).toMatchObject({ dueDate: '2026-03-12', timeZone: 'Europe/Paris' });
        expect(task.start).toBeUndefined();
        const fair = await erp.createAction(
          { type: 'meeting', subject: 'Salon', start: '2026-03-15T23:00:00Z', end: '2026-03-16T23:00:00Z', allDay: true, timeZone: 'Europe/Paris', status: 'planned', private: false },
          actor,
        );
        expect(fair.allDay).toBe(true);
      });

      it('keeps every action type and status', async () => {
        for (const type of ['call', 'visit', 'meeting', 'email', 'task', 'note'] as const) {
          for (const status of ['planned', 'done', 'cancelled'] as const) {
            const action = await erp.createAction({ type, subject: `${type} ${status}`, allDay: false, timeZone: 'UTC', status, private: false }, actor);
            expect(await erp.getAction(action.id)).toMatchObject({ type, status });
          }
        }
      });

      it("lists a contact's actions newest first, in pages without gaps", async () => {
        const contact = await create({ givenName: 'Ana' });
        const other = await create({ givenName: 'Otra' });
        const subjects: string[] = [];
        for (let day = 1; day <= 7; day++) {
          const date = `2026-04-${String(day).padStart(2, '0')}`;
          subjects.push(`day ${day}`);
          await erp.createAction({ type: 'call', subject: `day ${day}`, start: `${date}T10:00:00Z`, end: `${date}T10:15:00Z`, contactId: contact.id, allDay: false, timeZone: 'UTC', status: 'done', private: false }, actor);
        }
        await erp.createAction({ type: 'call', subject: 'elsewhere', contactId: other.id, allDay: false, timeZone: 'UTC', status: 'done', private: false }, actor);
        const { items, pages } = await collect((cursor) => erp.listActions({ contactId: contact.id, limit: 3, ...(cursor && { cursor }) }));
        expect(pages).toBe(3);
        expect(items.map((action) => action.subject)).toEqual(subjects.reverse());
      });

      it("lists a company's actions, those logged on its contacts included", async () => {
        const contact = await create({ givenName: 'Françoise', accountId: subject.accountIds.lefevre });
        await erp.createAction({ type: 'email', subject: 'Envoi du devis', dueDate: '2026-03-01', contactId: contact.id, allDay: false, timeZone: 'Europe/Paris', status: 'done', private: false }, actor);
        await erp.createAction({ type: 'note', subject: 'Note', accountId: subject.accountIds.lefevre, allDay: false, timeZone: 'Europe/Paris', status: 'done', private: false }, actor);
        await erp.createAction({ type: 'note', subject: 'Ailleurs', accountId: subject.accountIds.erable, allDay: false, timeZone: 'Europe/Paris', status: 'done', private: false }, actor);
        const page = await erp.listActions({ accountId: subject.accountIds.lefevre, limit: 10 });
        expect(page.items.map((action) => action.subject).sort()).toEqual(['Envoi du devis', 'Note']);
      });

      it('hides private actions of other owners from a viewer', async () => {
        const contact = await create({ givenName: 'Ana' });
        const base = { type: 'call', contactId: contact.id, allDay: false, timeZone: 'UTC', status: 'done' } as const;
        await erp.createAction({ ...base, subject: 'public', private: false, ownerId: subject.userIds.alice }, actor);
        await erp.createAction({ ...base, subject: 'alice private', private: true, ownerId: subject.userIds.alice }, actor);
        await erp.createAction({ ...base, subject: 'bruno private', private: true, ownerId: subject.userIds.bruno }, actor);
        const seenBy = async (viewerId?: string) =>
          (await erp.listActions({ contactId: contact.id, limit: 10, ...(viewerId && { viewerId }) })).items.map((action) => action.subject).sort();
        expect(await seenBy(subject.userIds.alice)).toEqual(['alice private', 'public']);
        expect(await seenBy(subject.userIds.bruno)).toEqual(['bruno private', 'public']);
        expect(await seenBy('999999')).toEqual(['public']);
        expect(await seenBy()).toEqual(['alice private', 'bruno private', 'public']);
      });

      it('updates an action with its version and refuses a stale one', async () => {
        const action = await erp.createAction({ type: 'task', subject: 'Relancer', dueDate: '2026-03-05', allDay: false, timeZone: 'UTC', status: 'planned', private: false }, actor);
        const done = await erp.updateAction(action.id, { version: action.version, status: 'done' }, actor);
        expect(done).toMatchObject({ status: 'done', subject: 'Relancer', dueDate: '2026-03-05', timeZone: 'UTC', private: false });
        expect((await rejection(erp.updateAction(action.id, { version: action.version, status: 'cancelled' }, actor))).code).toBe('conflict');
        expect((await rejection(erp.updateAction('999999', { version: 1, status: 'done' }, actor))).code).toBe('not_found');
      });

      it('refuses an action that ends before it starts', async () => {
        const error = await rejection(
          erp.createAction({ type: 'call', subject: 'x', start: '2026-03-10T10:00:00Z', end: '2026-03-10T09:00:00Z', allDay: false, timeZone: 'UTC', status: 'planned', private: false }, actor),
        );
        expect(error.code).toBe('invalid_input');
      });
    });

    describe('contact change feed', () => {
      it('lists changed contacts oldest first, in pages, then only what changed after the cursor', async () => {
        const ana = await create({ givenName: 'Ana' });
        const jose = await create({ givenName: 'José' });
        const lucia = await create({ givenName: 'Lucía' });
        const first = await erp.contactChanges(undefined, 2);
        expect(first).toMatchObject({ hasMore: true, deletedIds: [] });
        expect(first.items.map((contact) => contact.id)).toEqual([ana.id, jose.id]);
        const second = await erp.contactChanges(first.nextCursor, 2);
        expect(second.items.map((contact) => contact.id)).toEqual([lucia.id]);
        expect(second.hasMore).toBe(false);

        const quiet = await erp.contactChanges(second.nextCursor, 10);
        expect(quiet.items).toEqual([]);
        await erp.updateContact(ana.id, { version: ana.version, jobTitle: 'Gerente' }, actor);
        const after = await erp.contactChanges(quiet.nextCursor, 10);
        expect(after.items.map((contact) => [contact.id, contact.jobTitle])).toEqual([[ana.id, 'Gerente']]);
      });

      it('hands out a cursor even when nothing has changed yet', async () => {
        const empty = await erp.contactChanges(undefined, 10);
        expect(empty).toMatchObject({ items: [], deletedIds: [], hasMore: false });
        const ana = await create({ givenName: 'Ana' });
        expect((await erp.contactChanges(empty.nextCursor, 10)).items.map((contact) => contact.id)).toEqual([ana.id]);
      });

      it('reports deleted contacts after the cursor, when the ERP keeps tombstones', async (context) => {
        if (!subject.deleteContact) context.skip();
        const ana = await create({ givenName: 'Ana' });
        const jose = await create({ givenName: 'José' });
        const { nextCursor } = await erp.contactChanges(undefined, 10);
        await subject.deleteContact?.(ana.id, actor);
        const changes = await erp.contactChanges(nextCursor, 10);
        expect(changes).toMatchObject({ items: [], deletedIds: [ana.id] });
        expect(await erp.getContact(ana.id)).toBeUndefined();
        expect((await erp.contactChanges(undefined, 10)).items.map((contact) => contact.id)).toEqual([jose.id]);
      });
    });

    describe('action change feed', () => {
      const action = (subject: string, fields: Partial<ActionInput> = {}) =>
        erp.createAction({ type: 'task', subject, allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false, ...fields }, actor);
      const feedOf = (mailbox: MailboxScope | undefined, cursor: string | undefined, limit = 10) => readFeed((next) => erp.actionChanges(next, limit, mailbox), cursor);
      const ids = (actions: readonly ErpAction[]) => actions.map((one) => one.id);
      const alice = () => ({ erpUserId: subject.userIds.alice });
      const bruno = () => ({ erpUserId: subject.userIds.bruno });

      it('lists changed actions oldest first, in pages, from a cursor handed out before any, then only what changed after the cursor', async () => {
        const empty = await erp.actionChanges(undefined, 10);
        expect(empty).toMatchObject({ items: [], deletedIds: [], hasMore: false });
        const call = await action('Llamar a Ana');
        const visit = await action('Visita', { type: 'visit', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' });
        const offer = await action('Oferta', { dueDate: '2026-03-12' });
        const first = await erp.actionChanges(empty.nextCursor, 2);
        expect(first).toMatchObject({ hasMore: true, deletedIds: [] });
        expect(ids(first.items)).toEqual([call.id, visit.id]);
        const second = await erp.actionChanges(first.nextCursor, 2);
        expect(ids(second.items)).toEqual([offer.id]);
        expect(second.hasMore).toBe(false);

        const quiet = await erp.actionChanges(second.nextCursor, 10);
        expect(quiet).toMatchObject({ items: [], deletedIds: [], hasMore: false });
        await erp.updateAction(call.id, { version: call.version, status: 'done' }, actor);
        const after = await erp.actionChanges(quiet.nextCursor, 10);
        expect(after.items.map((one) => [one.id, one.status])).toEqual([[call.id, 'done']]);
      });

      it("gives a mailbox only its ERP user's actions, and a mailbox without an ERP user none", async () => {
        const mine = await action('Mía', { ownerId: subject.userIds.alice });
        const theirs = await action('Suya', { ownerId: subject.userIds.bruno });
        const alsoMine = await action('También mía', { ownerId: subject.userIds.alice, private: true });
        expect(ids((await feedOf(alice(), undefined, 1)).items)).toEqual([mine.id, alsoMine.id]);
        expect(ids((await feedOf(bruno(), undefined)).items)).toEqual([theirs.id]);
        expect((await feedOf({}, undefined)).items).toEqual([]);
        expect((await feedOf({ erpUserId: '999999' }, undefined)).items).toEqual([]);
      });

      it("moves a reassigned action out of the old owner's feed and into the new owner's", async () => {
        const visit = await action('Visita Lefèvre', { type: 'visit', ownerId: subject.userIds.alice, start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' });
        const stays = await action('Se queda', { ownerId: subject.userIds.alice });
        const aliceBefore = await feedOf(alice(), undefined);
        const brunoBefore = await feedOf(bruno(), undefined);
        expect(ids(aliceBefore.items)).toEqual([visit.id, stays.id]);
        expect(brunoBefore.items).toEqual([]);

        const moved = await erp.updateAction(visit.id, { version: visit.version, ownerId: subject.userIds.bruno }, actor);
        const aliceAfter = await feedOf(alice(), aliceBefore.nextCursor);
        expect(aliceAfter.items).toEqual([]);
        expect(aliceAfter.deletedIds).toEqual([visit.id]);
        const brunoAfter = await feedOf(bruno(), brunoBefore.nextCursor);
        expect(brunoAfter.items).toEqual([moved]);
        expect(brunoAfter.deletedIds).not.toContain(visit.id);

        // Given back, it is a change again for its first owner and gone for the second.
        await erp.updateAction(visit.id, { version: moved.version, ownerId: subject.userIds.alice }, actor);
        const aliceBack = await feedOf(alice(), aliceAfter.nextCursor);
        expect(ids(aliceBack.items)).toEqual([visit.id]);
        expect(aliceBack.deletedIds).not.toContain(visit.id);
        expect((await feedOf(bruno(), brunoAfter.nextCursor)).deletedIds).toEqual([visit.id]);
        expect(ids((await feedOf(alice(), undefined)).items)).toEqual([stays.id, visit.id]);
      });

      it('lists only the actions an owner has when asked for that owner', async () => {
        const mine = await action('Mía', { ownerId: subject.userIds.alice, dueDate: '2026-03-01' });
        await action('Suya', { ownerId: subject.userIds.bruno, dueDate: '2026-03-02' });
        const later = await action('Después', { ownerId: subject.userIds.alice, dueDate: '2026-03-03' });
        const { items } = await collect((cursor) => erp.listActions({ ownerId: subject.userIds.alice, limit: 1, ...(cursor && { cursor }) }));
        expect(ids(items)).toEqual([later.id, mine.id]);
        expect((await erp.listActions({ ownerId: '999999', limit: 10 })).items).toEqual([]);
      });

      it("reports a deleted action in the whole feed and in its owner's, when the ERP can delete", async (context) => {
        if (!subject.deleteAction) context.skip();
        const call = await action('Llamar', { ownerId: subject.userIds.alice });
        const kept = await action('Guardar', { ownerId: subject.userIds.alice });
        const all = await feedOf(undefined, undefined);
        const mine = await feedOf(alice(), undefined);
        await subject.deleteAction?.(call.id, actor);
        expect(await feedOf(undefined, all.nextCursor)).toMatchObject({ items: [], deletedIds: [call.id] });
        expect(await feedOf(alice(), mine.nextCursor)).toMatchObject({ items: [], deletedIds: [call.id] });
        expect(ids((await feedOf(alice(), undefined)).items)).toEqual([kept.id]);
      });

      it('refuses a cursor of another feed', async () => {
        const { nextCursor } = await erp.contactChanges(undefined, 10);
        expect((await rejection(erp.actionChanges(nextCursor, 10))).code).toBe('invalid_input');
      });
    });
  });
}
