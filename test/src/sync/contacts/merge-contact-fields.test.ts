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
    expect(merge).toEqual({ erp: expected, outlook: expected, snapshot: expected, conflicts: [] });
  });

  it('sees no conflict when both sides made the same change', () => {
    const changed = { ...base, surname: 'Ruiz Gil' };
    expect(mergeContactFields(base, changed, changed, 'manual', erpNewer)).toEqual({ erp: changed, outlook: changed, snapshot: changed, conflicts: [] });
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
