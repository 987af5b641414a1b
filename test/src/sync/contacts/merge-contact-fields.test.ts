import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConflictPolicy } from '../../../../src/domain/sync-settings';
import type { SyncedContact } from '../../../../src/domain/synced-contact';
import { mergeContactFields } from '../../../../src/sync/contacts/merge-contact-fields';

const base: SyncedContact = { givenName: 'Ana', surname: 'Ruiz', companyName: 'Acme', emails: ['ana@acme.test'], businessPhone: '+34 91 000', mobilePhone: '+34 600 000' };
const erpNewer = { erpUpdatedAt: '2026-03-02T09:00:00Z', outlookModifiedAt: '2026-03-02T08:00:00Z' };
const outlookNewer = { erpUpdatedAt: '2026-03-02T08:00:00Z', outlookModifiedAt: '2026-03-02T09:00:00Z' };

describe('mergeContactFields', () => {
  it('takes the ERP phone and the Outlook mobile when each side changed one field', () => {
    const merge = mergeContactFields(base, { ...base, businessPhone: '+34 91 111' }, { ...base, mobilePhone: '+34 600 111' }, 'erp-wins', erpNewer);
    const expected = { ...base, businessPhone: '+34 91 111', mobilePhone: '+34 600 111' };
    expect(merge).toEqual({ erp: expected, outlook: expected, snapshot: expected, conflicts: [], erpEmails: expected.emails });
  });

  it('sees no conflict when both sides made the same change', () => {
    const changed = { ...base, surname: 'Ruiz Gil' };
    expect(mergeContactFields(base, changed, changed, 'manual', erpNewer)).toEqual({ erp: changed, outlook: changed, snapshot: changed, conflicts: [], erpEmails: changed.emails });
  });

  it.each<[ConflictPolicy, typeof erpNewer, string]>([
    ['erp-wins', outlookNewer, '+34 600 ERP'],
    ['outlook-wins', erpNewer, '+34 600 OUTLOOK'],
    ['newest', erpNewer, '+34 600 ERP'],
    ['newest', outlookNewer, '+34 600 OUTLOOK'],
  ])('settles the mobile phone edited on both sides under %s (%j) and records both values', (policy, timestamps, winner) => {
    const merge = mergeContactFields(base, { ...base, mobilePhone: '+34 600 ERP' }, { ...base, mobilePhone: '+34 600 OUTLOOK' }, policy, timestamps);
    expect(merge.erp.mobilePhone).toBe(winner);
    expect(merge.outlook.mobilePhone).toBe(winner);
    expect(merge.snapshot.mobilePhone).toBe(winner);
    expect(merge.conflicts).toEqual([
      { field: 'mobilePhone', erpValue: '+34 600 ERP', outlookValue: '+34 600 OUTLOOK', resolution: winner.endsWith('ERP') ? 'erp' : 'outlook' },
    ]);
  });

  it.each<ConflictPolicy>(['erp-wins', 'outlook-wins', 'newest', 'manual'])('keeps the ERP street and the Outlook city, with no conflict, under %s', (policy) => {
    const address = { street: 'Gran Vía 1', city: 'Madrid', postalCode: '28013' };
    const merge = mergeContactFields({ ...base, address }, { ...base, address: { ...address, street: 'Gran Vía 2' } }, { ...base, address: { ...address, city: 'Alcalá' } }, policy, outlookNewer);
    const expected = { street: 'Gran Vía 2', city: 'Alcalá', postalCode: '28013' };
    expect([merge.erp.address, merge.outlook.address, merge.snapshot.address]).toEqual([expected, expected, expected]);
    expect(merge.conflicts).toEqual([]);
  });

  it('settles only the address part both sides changed, keeping the other parts each side changed', () => {
    const address = { street: 'Gran Vía 1', city: 'Madrid' };
    const merge = mergeContactFields(
      { ...base, address },
      { ...base, address: { street: 'Gran Vía 2', city: 'Getafe' } },
      { ...base, address: { street: 'Gran Vía 1', city: 'Alcalá', postalCode: '28801' } },
      'outlook-wins',
      erpNewer,
    );
    expect(merge.erp.address).toEqual({ street: 'Gran Vía 2', city: 'Alcalá', postalCode: '28801' });
    expect(merge.conflicts).toMatchObject([{ field: 'address', resolution: 'outlook' }]);
  });

  it.each<ConflictPolicy>(['erp-wins', 'outlook-wins', 'newest'])('keeps an email the ERP added while Outlook changed the primary, under %s', (policy) => {
    const merge = mergeContactFields(base, { ...base, emails: ['ana@acme.test', 'compras@acme.test'] }, { ...base, emails: ['ana.ruiz@acme.test'] }, policy, erpNewer);
    expect(merge.erp.emails).toEqual(['ana.ruiz@acme.test', 'compras@acme.test']);
    expect(merge.outlook.emails).toEqual(merge.erp.emails);
    expect(merge.conflicts).toEqual([]);
  });

  it('keeps emails both sides added in the ERP when together they overflow Outlook\'s three slots, the Outlook one in a slot', () => {
    const two = { ...base, emails: ['a@acme.test', 'b@acme.test'] };
    const merge = mergeContactFields(two, { ...two, emails: [...two.emails, 'erp@acme.test'] }, { ...two, emails: [...two.emails, 'outlook@acme.test'] }, 'erp-wins', erpNewer);
    expect(merge.erpEmails).toEqual(['a@acme.test', 'b@acme.test', 'outlook@acme.test', 'erp@acme.test']);
    expect(merge.outlook.emails).toEqual(['a@acme.test', 'b@acme.test', 'outlook@acme.test']);
    expect(merge.conflicts).toEqual([]);
  });

  it('removes an email one side removed and keeps the other side\'s change of another element', () => {
    const three = { ...base, emails: ['a@acme.test', 'b@acme.test', 'c@acme.test'] };
    const merge = mergeContactFields(three, { ...three, emails: ['a@acme.test', 'c@acme.test'] }, { ...three, emails: ['a@acme.test', 'b@acme.test', 'c2@acme.test'] }, 'erp-wins', erpNewer);
    expect(merge.erp.emails).toEqual(['a@acme.test', 'c2@acme.test']);
    expect(merge.conflicts).toEqual([]);
  });

  it('calls it a conflict only when both sides changed the same email, and settles it by the policy', () => {
    const two = { ...base, emails: ['a@acme.test', 'b@acme.test'] };
    const erpSide = { ...two, emails: ['a@acme.test', 'b.erp@acme.test'] };
    const outlookSide = { ...two, emails: ['a@acme.test', 'b.outlook@acme.test'] };
    expect(mergeContactFields(two, erpSide, outlookSide, 'erp-wins', erpNewer)).toMatchObject({ erpEmails: ['a@acme.test', 'b.erp@acme.test'], conflicts: [{ field: 'emails', resolution: 'erp' }] });
    expect(mergeContactFields(two, erpSide, outlookSide, 'outlook-wins', erpNewer)).toMatchObject({ erpEmails: ['a@acme.test', 'b.outlook@acme.test'], conflicts: [{ field: 'emails', resolution: 'outlook' }] });
    expect(mergeContactFields(two, erpSide, outlookSide, 'manual', erpNewer)).toMatchObject({ erp: { emails: erpSide.emails }, outlook: { emails: outlookSide.emails }, snapshot: { emails: two.emails } });
  });

  it('under newest compares the field\'s own ERP time, not the record\'s, when the ERP keeps one', () => {
    const times = { erpUpdatedAt: '2026-03-02T10:00:00Z', outlookModifiedAt: '2026-03-02T09:00:00Z', erpFieldUpdatedAt: { jobTitle: '2026-03-02T08:00:00Z' } };
    const merge = mergeContactFields(base, { ...base, jobTitle: 'ERP' }, { ...base, jobTitle: 'Outlook' }, 'newest', times);
    expect(merge.conflicts).toEqual([{ field: 'jobTitle', erpValue: 'ERP', outlookValue: 'Outlook', resolution: 'outlook' }]);
  });

  it('gives a tie under newest to the ERP', () => {
    const same = { erpUpdatedAt: '2026-03-02T08:00:00Z', outlookModifiedAt: '2026-03-02T08:00:00.000Z' };
    expect(mergeContactFields(base, { ...base, surname: 'E' }, { ...base, surname: 'O' }, 'newest', same).conflicts[0]?.resolution).toBe('erp');
  });

  it('leaves both values in place and the old base under manual, waiting for the user', () => {
    const merge = mergeContactFields(base, { ...base, mobilePhone: '+34 600 ERP' }, { ...base, mobilePhone: '+34 600 OUTLOOK' }, 'manual', erpNewer);
    expect(merge.erp.mobilePhone).toBe('+34 600 ERP');
    expect(merge.outlook.mobilePhone).toBe('+34 600 OUTLOOK');
    expect(merge.snapshot.mobilePhone).toBe('+34 600 000');
    expect(merge.conflicts).toEqual([{ field: 'mobilePhone', erpValue: '+34 600 ERP', outlookValue: '+34 600 OUTLOOK', resolution: undefined }]);
  });

  it('applies the user’s choice over the policy', () => {
    const merge = mergeContactFields(base, { ...base, surname: 'E' }, { ...base, surname: 'O' }, 'manual', erpNewer, { surname: 'outlook' });
    expect(merge.erp.surname).toBe('O');
  });

  it('undoes an Outlook edit of the company, which comes from the ERP account, and says so', () => {
    const merge = mergeContactFields(base, base, { ...base, companyName: 'Other' }, 'outlook-wins', outlookNewer);
    expect(merge.outlook.companyName).toBe('Acme');
    expect(merge.conflicts).toEqual([{ field: 'companyName', erpValue: 'Acme', outlookValue: 'Other', resolution: 'erp' }]);
  });

  it('keeps the user’s categories in Outlook and out of the snapshot when the ERP has none', () => {
    const merge = mergeContactFields(base, base, { ...base, categories: ['VIP'] }, 'erp-wins', erpNewer);
    expect(merge.outlook.categories).toEqual(['VIP']);
    expect(merge.snapshot).not.toHaveProperty('categories');
    expect(merge.erp).not.toHaveProperty('categories');
  });

  it('treats a cleared field as a change: an Outlook clear reaches the ERP', () => {
    const { mobilePhone: _cleared, ...withoutMobile } = base;
    expect(mergeContactFields(base, base, withoutMobile, 'erp-wins', erpNewer).erp).not.toHaveProperty('mobilePhone');
  });

  const value = fc.constantFrom<string | undefined>(undefined, 'a', 'b', 'c');
  const contact = fc.record({ givenName: value, surname: value, companyName: value, mobilePhone: value }).map((fields): SyncedContact => ({ ...fields, emails: [] }));
  const policy = fc.constantFrom<ConflictPolicy>('erp-wins', 'outlook-wins', 'newest', 'manual');

  it('leaves both sides equal after every settled field, and merging the result again changes nothing', () => {
    fc.assert(
      fc.property(contact, contact, contact, policy, (before, erp, outlook, chosenPolicy) => {
        const merge = mergeContactFields(before, erp, outlook, chosenPolicy, erpNewer);
        const waiting = new Set(merge.conflicts.filter((conflict) => conflict.resolution === undefined).map((conflict) => conflict.field));
        for (const field of ['givenName', 'surname', 'companyName', 'mobilePhone'] as const) {
          if (!waiting.has(field)) expect(merge.erp[field]).toBe(merge.outlook[field]);
        }
        const again = mergeContactFields(merge.snapshot, merge.erp, merge.outlook, chosenPolicy, erpNewer);
        expect(again.erp).toEqual(merge.erp);
        expect(again.outlook).toEqual(merge.outlook);
        expect(again.snapshot).toEqual(merge.snapshot);
      }),
    );
  });

  it('takes Outlook’s value of a writable field the ERP left unchanged, under every policy', () => {
    fc.assert(
      fc.property(contact, contact, policy, (before, outlook, chosenPolicy) => {
        const merge = mergeContactFields(before, before, outlook, chosenPolicy, outlookNewer);
        expect(merge.outlook.givenName).toBe(outlook.givenName);
        expect(merge.erp.givenName).toBe(outlook.givenName);
      }),
    );
  });
});
