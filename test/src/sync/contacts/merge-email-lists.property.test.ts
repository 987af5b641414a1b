import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctEmails } from '../../../../src/domain/distinct-emails';
import { mergeAddressParts } from '../../../../src/sync/contacts/merge-address-parts';
import { mergeEmailLists } from '../../../../src/sync/contacts/merge-email-lists';

const email = fc.constantFrom('a@x.test', 'b@x.test', 'c@x.test', 'd@x.test', 'e@x.test', 'B@x.test');
const list = fc.array(email, { maxLength: 4 }).map(distinctEmails);
const side = fc.constantFrom('erp' as const, 'outlook' as const);
const keys = (emails: readonly string[]) => new Set(emails.map((each) => each.toLowerCase()));
const part = fc.option(fc.constantFrom('1', '2', '3'), { nil: undefined });
const address = fc.record({ street: part, city: part, postalCode: part }).map((parts) => Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined)));

describe('mergeEmailLists', () => {
  it('takes the changed side whole when the other side did not change', () => {
    fc.assert(
      fc.property(list, list, side, (base, changed, pick) => {
        expect(mergeEmailLists(base, changed, base, pick)).toEqual({ merged: changed, conflicting: false });
        expect(mergeEmailLists(base, base, changed, pick)).toEqual({ merged: changed, conflicting: false });
      }),
    );
  });

  it('without a conflict, keeps every email either side added and none that either side removed', () => {
    fc.assert(
      fc.property(list, list, list, side, (base, erp, outlook, pick) => {
        const { merged, conflicting } = mergeEmailLists(base, erp, outlook, pick);
        fc.pre(!conflicting);
        const [was, result] = [keys(base), keys(merged)];
        for (const added of [...erp, ...outlook].filter((each) => !was.has(each.toLowerCase()))) expect(result.has(added.toLowerCase())).toBe(true);
        for (const removed of base.filter((each) => !keys(erp).has(each.toLowerCase()) || !keys(outlook).has(each.toLowerCase()))) expect(result.has(removed.toLowerCase())).toBe(false);
        expect(merged).toEqual(distinctEmails(merged));
      }),
    );
  });

  it('gives the same list whichever side settles it when nothing conflicts, and merging the result again changes nothing', () => {
    fc.assert(
      fc.property(list, list, list, (base, erp, outlook) => {
        const settled = mergeEmailLists(base, erp, outlook, 'erp');
        fc.pre(!settled.conflicting);
        expect(mergeEmailLists(base, erp, outlook, 'outlook').merged).toEqual(settled.merged);
        expect(mergeEmailLists(settled.merged, settled.merged, settled.merged, 'erp')).toEqual({ merged: settled.merged, conflicting: false });
      }),
    );
  });
});

describe('mergeAddressParts', () => {
  it('keeps each part from the side that changed it, and the picked side only for parts both changed', () => {
    fc.assert(
      fc.property(address, address, address, side, (base, erp, outlook, pick) => {
        const { merged } = mergeAddressParts(base, erp, outlook, pick);
        for (const name of ['street', 'city', 'postalCode'] as const) {
          const [was, fromErp, fromOutlook] = [base[name], erp[name], outlook[name]];
          const expected = fromErp === fromOutlook || fromOutlook === was ? fromErp : fromErp === was ? fromOutlook : pick === 'erp' ? fromErp : fromOutlook;
          expect(merged?.[name]).toBe(expected);
        }
      }),
    );
  });
});
