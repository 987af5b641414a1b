import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSyncedContact } from '../../../../src/domain/normalize-synced-contact';
import type { SyncedContact } from '../../../../src/domain/synced-contact';
import { syncedContactFields } from '../../../../src/domain/synced-contact-fields';
import { sameFieldValue } from '../../../../src/sync/contacts/same-field-value';
import { sameSyncedContact } from '../../../../src/sync/contacts/same-synced-contact';

// Small pools, so two contacts are often equal, or equal but for one field.
const text = fc.option(fc.constantFrom('', 'Ana', ' Ana ', 'Núñez'), { nil: undefined });
const contactArbitrary: fc.Arbitrary<SyncedContact> = fc.record({
  givenName: text,
  surname: text,
  companyName: text,
  emails: fc.array(fc.constantFrom('a@x.test', 'A@x.test', 'b@x.test', 'c@x.test', 'd@x.test'), { maxLength: 4 }),
  address: fc.option(fc.record({ city: text, street: text, postalCode: text }), { nil: undefined }),
  notes: text,
  categories: fc.option(fc.array(fc.constantFrom('VIP', 'vip', 'Red')), { nil: undefined }),
});

function sameByFields(left: SyncedContact, right: SyncedContact, withCategories: boolean): boolean {
  return syncedContactFields.every((field) => (field === 'categories' && !withCategories) || sameFieldValue(left[field], right[field]));
}

describe('sameSyncedContact', () => {
  it('agrees with comparing field by field as canonical JSON, for normalized contacts', () => {
    fc.assert(
      fc.property(contactArbitrary, contactArbitrary, fc.boolean(), (one, other, withCategories) => {
        const left = normalizeSyncedContact(one);
        const right = normalizeSyncedContact(other);
        expect(sameSyncedContact(left, right, withCategories)).toBe(sameByFields(left, right, withCategories));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads an address the same whatever order its parts were written in', () => {
    const one: SyncedContact = { emails: [], address: { city: 'Lyon', street: '1 rue' } };
    const other: SyncedContact = { emails: [], address: { street: '1 rue', city: 'Lyon' } };
    expect(sameSyncedContact(one, other, true)).toBe(true);
  });

  it('leaves the categories out only when asked', () => {
    const one: SyncedContact = { givenName: 'Ana', emails: [], categories: ['VIP'] };
    const other: SyncedContact = { givenName: 'Ana', emails: [] };
    expect(sameSyncedContact(one, other, false)).toBe(true);
    expect(sameSyncedContact(one, other, true)).toBe(false);
  });
});
