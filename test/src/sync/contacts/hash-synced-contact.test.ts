import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashSyncedContact } from '../../../../src/domain/hash-synced-contact';
import { normalizeSyncedContact } from '../../../../src/domain/normalize-synced-contact';
import type { SyncedContact } from '../../../../src/domain/synced-contact';

const text = fc.option(fc.constantFrom('', ' ', 'Ana', ' Ana ', 'Núñez', 'a\r\nb'), { nil: undefined });
const contactArbitrary: fc.Arbitrary<SyncedContact> = fc.record({
  givenName: text,
  surname: text,
  notes: text,
  emails: fc.array(fc.constantFrom('a@x.test', 'A@x.test', ' b@x.test', '', 'c@x.test', 'd@x.test'), { maxLength: 6 }),
  address: fc.option(fc.record({ city: text, street: text }), { nil: undefined }),
  categories: fc.option(fc.array(fc.constantFrom('VIP', 'vip', 'Red', ' Blue')), { nil: undefined }),
});

describe('hashSyncedContact', () => {
  it('gives the same hash whatever order the keys were written in', () => {
    const one: SyncedContact = { givenName: 'Ana', emails: ['ana@x.test'], address: { city: 'Lyon', street: '1 rue' } };
    const other: SyncedContact = { address: { street: '1 rue', city: 'Lyon' }, emails: ['ana@x.test'], givenName: 'Ana' };
    expect(hashSyncedContact(one)).toBe(hashSyncedContact(other));
  });

  it('changes when one field changes', () => {
    expect(hashSyncedContact({ emails: [], mobilePhone: '+33 6 00' })).not.toBe(hashSyncedContact({ emails: [], mobilePhone: '+33 6 01' }));
  });

  it('is FNV-1a 64 of the canonical JSON, the same on every runtime', () => {
    // Computed independently (Python) from '{"emails":["jose@x.test"],"givenName":"José"}' in UTF-8.
    expect(hashSyncedContact({ givenName: 'José', emails: ['jose@x.test'] })).toBe('1e6ec6aded086b51');
  });

  it('hashes a contact and its normalized form alike, and normalizing twice changes nothing', () => {
    fc.assert(
      fc.property(contactArbitrary, (contact) => {
        const normalized = normalizeSyncedContact(contact);
        expect(normalizeSyncedContact(normalized)).toEqual(normalized);
        expect(hashSyncedContact(normalized)).toBe(hashSyncedContact(contact));
      }),
    );
  });
});
