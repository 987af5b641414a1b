import { afterAll, describe, expect, it } from 'vitest';
import type { ErpActor } from '../../../src/domain/erp-port';
import { contactInputSchema, type ContactInput, type ErpContact } from '../../../src/domain/erp-records';
import { composeDisplayName } from '../../../server/erp/compose-display-name';
import { buildEdgeCaseContacts } from '../../builders/build-edge-case-contacts';
import { openDemoContractErp } from './demo/demo-erp';
import { contractAccounts, steppingClock, type ErpContractFactory, type ErpContractSubject } from './erp-port-contract';
import { openGestionaOnPostgres, openGestionaOnSqlite } from './sql/gestiona-erp';
import { openPrextraOnPostgres, openPrextraOnSqlite } from './sql/prextra-erp';

const adapters: [string, ErpContractFactory][] = [
  ['demo (SQLite)', openDemoContractErp],
  ['sql, Prextra-style schema on PostgreSQL', openPrextraOnPostgres],
  ['sql, Prextra-style schema on SQLite', openPrextraOnSqlite],
  ['sql, Spanish-style schema on PostgreSQL', (now) => openGestionaOnPostgres(now)],
  ['sql, Spanish-style schema on SQLite', openGestionaOnSqlite],
];

const corpusSize = buildEdgeCaseContacts({ accounts: { erable: '1', lefevre: '2' }, users: { bruno: '2' } }).length;
let fieldsChecked = 0;
const adaptersChecked = new Set<string>();

afterAll(() => {
  console.log('CORPUS', JSON.stringify({ contacts: corpusSize, fieldsChecked, adapters: adaptersChecked.size }));
});

/** Each synced field of a record, the address part by part, as the record should read back. */
function expectedFields(input: ContactInput, subject: ErpContractSubject): Record<string, unknown> {
  const contact = contactInputSchema.parse(input);
  const accountName = Object.entries(subject.accountIds).find(([, id]) => id === contact.accountId)?.[0] as keyof typeof contractAccounts | undefined;
  return {
    givenName: contact.givenName || undefined,
    surname: contact.surname || undefined,
    displayName: composeDisplayName(contact.givenName, contact.surname) ?? contact.emails[0],
    jobTitle: contact.jobTitle || undefined,
    accountId: contact.accountId,
    companyName: accountName && contractAccounts[accountName].name,
    emails: contact.emails,
    businessPhone: contact.businessPhone || undefined,
    mobilePhone: contact.mobilePhone || undefined,
    street: contact.address?.street || undefined,
    city: contact.address?.city || undefined,
    postalCode: contact.address?.postalCode || undefined,
    state: contact.address?.state || undefined,
    countryOrRegion: contact.address?.countryOrRegion || undefined,
    notes: contact.notes || undefined,
    ownerId: contact.ownerId ?? subject.userIds.alice,
  };
}

function actualFields(contact: ErpContact | undefined): Record<string, unknown> {
  return {
    givenName: contact?.givenName,
    surname: contact?.surname,
    displayName: contact?.displayName,
    jobTitle: contact?.jobTitle,
    accountId: contact?.accountId,
    companyName: contact?.companyName,
    emails: contact?.emails,
    businessPhone: contact?.businessPhone,
    mobilePhone: contact?.mobilePhone,
    street: contact?.address?.street,
    city: contact?.address?.city,
    postalCode: contact?.address?.postalCode,
    state: contact?.address?.state,
    countryOrRegion: contact?.address?.countryOrRegion,
    notes: contact?.notes,
    ownerId: contact?.ownerId,
  };
}

/** A patch that turns any contact into `input`: fields it leaves out are cleared. */
function patchTo(input: ContactInput, version: number) {
  const contact = contactInputSchema.parse(input);
  return {
    version,
    givenName: contact.givenName ?? '',
    surname: contact.surname ?? '',
    jobTitle: contact.jobTitle ?? '',
    emails: contact.emails,
    businessPhone: contact.businessPhone ?? '',
    mobilePhone: contact.mobilePhone ?? '',
    address: contact.address ?? {},
    notes: contact.notes ?? '',
    ...(contact.accountId === undefined ? {} : { accountId: contact.accountId }),
    ...(contact.ownerId === undefined ? {} : { ownerId: contact.ownerId }),
  };
}

describe('a round-trip corpus of edge-case contacts through every ERP adapter', () => {
  for (const [name, factory] of adapters) {
    it(`${name} gives back every field as written: on create, in a listing, by email, and after an update`, async () => {
      const subject = await factory(steppingClock());
      const { erp } = subject;
      const actor: ErpActor = { erpUserId: subject.userIds.alice, email: 'alice.martin@contoso.example' };
      const corpus = buildEdgeCaseContacts({ accounts: subject.accountIds, users: { bruno: subject.userIds.bruno } });
      const mismatches: string[] = [];
      const check = (label: string, way: string, input: ContactInput, contact: ErpContact | undefined) => {
        const expected = expectedFields(input, subject);
        const actual = actualFields(contact);
        for (const field of Object.keys(expected)) {
          fieldsChecked++;
          if (JSON.stringify(actual[field]) !== JSON.stringify(expected[field])) {
            mismatches.push(`${label} (${way}) ${field}: wrote ${JSON.stringify(expected[field])?.slice(0, 80)}, read ${JSON.stringify(actual[field])?.slice(0, 80)}`);
          }
        }
      };
      try {
        const ids = new Map<string, string>();
        for (const { label, input } of corpus) {
          const created = await erp.createContact(input, actor);
          ids.set(label, created.id);
          check(label, 'create', input, created);
          check(label, 'read', input, await erp.getContact(created.id));
        }

        const listed = new Map<string, ErpContact>();
        let cursor: string | undefined;
        do {
          const page = await erp.searchContacts({ limit: 17, ...(cursor === undefined ? {} : { cursor }) });
          for (const contact of page.items) listed.set(contact.id, contact);
          cursor = page.nextCursor;
        } while (cursor !== undefined);
        for (const { label, input } of corpus) {
          check(label, 'listing', input, listed.get(ids.get(label) ?? ''));
          for (const email of input.emails) {
            fieldsChecked++;
            const found = await erp.searchContacts({ email: email.toUpperCase(), limit: 10 });
            if (!found.items.some((contact) => contact.id === ids.get(label))) mismatches.push(`${label}: not found by ${email}`);
          }
        }

        for (const { label, input } of corpus) {
          const draft = await erp.createContact({ givenName: 'Borrador', surname: 'Temporal', jobTitle: 'Por rellenar', emails: ['borrador@example.com'], notes: 'x' }, actor);
          const updated = await erp.updateContact(draft.id, patchTo(input, draft.version), actor);
          check(label, 'update', input, updated);
          check(label, 'read after update', input, await erp.getContact(draft.id));
        }
      } finally {
        await erp.close();
        await subject.dispose?.();
      }
      adaptersChecked.add(name);
      expect(corpus.length).toBeGreaterThanOrEqual(40);
      expect(mismatches).toEqual([]);
    });
  }
});
