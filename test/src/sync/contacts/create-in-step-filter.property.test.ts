import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSyncedContact } from '../../../../src/domain/normalize-synced-contact';
import type { ContactPlan } from '../../../../src/sync/contacts/contact-plan';
import { createInStepFilter, listedInStepIds, toKeyedContactLink } from '../../../../src/sync/contacts/create-in-step-filter';
import { planContactChanges } from '../../../../src/sync/contacts/plan-contact-changes';
import { syncedContactKey } from '../../../../src/sync/contacts/synced-contact-key';
import { sequentialIds } from '../../../builders/sequential-ids';
import { arrange, nextRun, now, type State, stateArbitrary } from '../../../builders/random-mailbox';
import type { ContactSyncFakes, PlanOptions } from '../../../fakes/contact-sync-fakes';

type ErpRecord = State['erp'][number];

/** ERP records as a tidy ERP keeps them (trimmed, a display name): their projection is exact, so they can be shrunk. */
function tidy(state: State): State {
  const tidyRecord = (record: ErpRecord): ErpRecord => {
    const fields = normalizeSyncedContact(record.fields);
    return { ...record, fields: { ...fields, displayName: fields.displayName ?? 'Ana', categories: undefined } };
  };
  return { ...state, erp: state.erp.map(tidyRecord) };
}

/** The same plan from full listings and from listings shrunk as the runner shrinks them. */
async function planFullAndShrunk(fakes: ContactSyncFakes, options: PlanOptions): Promise<{ full: ContactPlan; shrunk: ContactPlan }> {
  const erpContacts = await fakes.erp.listContactsInScope();
  const outlookContacts = await fakes.outlook.listContacts();
  const links = await fakes.links.listLinks();
  const common = {
    environment: 'acme',
    erpTombstones: (await fakes.erp.listContactChanges(undefined)).deletedIds,
    conflicts: await fakes.links.listConflicts(),
    settings: { direction: options.direction ?? 'erp-to-outlook', policy: options.policy ?? 'erp-wins' },
    confirmedRemovals: options.confirmedRemovals ?? [],
    now: fakes.clock.now(),
  } as const;
  const keyed = links.map(toKeyedContactLink);
  const filter = createInStepFilter(keyed, 'acme');
  const shrunkErp = erpContacts.map((contact) => filter.erp(contact));
  const shrunkOutlook = outlookContacts.map((contact) => filter.outlook(contact));
  const inStep = listedInStepIds(shrunkErp, shrunkOutlook);
  const shrunkLinks = links.map((link, index) => (inStep.has(link.erpId) ? (keyed[index] ?? link) : link));
  return {
    full: planContactChanges({ ...common, erpContacts, outlookContacts, links, newId: sequentialIds('conflict-') }),
    shrunk: planContactChanges({ ...common, erpContacts: shrunkErp, outlookContacts: shrunkOutlook, links: shrunkLinks, newId: sequentialIds('conflict-') }),
  };
}

describe('createInStepFilter', () => {
  it('gives the plan of the full listings, for random mailboxes before and after a run', async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, fc.boolean(), fc.nat(9), fc.constantFrom('Zoë', ' '), async (state, tidyErp, edited, value) => {
        const { fakes, options } = arrange(tidyErp ? tidy(state) : state);
        const before = await planFullAndShrunk(fakes, options);
        expect(before.shrunk).toEqual(before.full);
        await fakes.run(now, options);
        const after = await planFullAndShrunk(fakes, options);
        expect(after.shrunk).toEqual(after.full);
        // A user's edit of one synced copy: its ERP record, listed in step, is planned in full.
        const item = (await fakes.outlook.listContacts())[edited];
        if (item) fakes.outlook.editInOutlook(item.id, { givenName: value, categories: [value] });
        const edit = await planFullAndShrunk(fakes, options);
        expect(edit.shrunk).toEqual(edit.full);
        fakes.clock.set(nextRun);
        const next = await planFullAndShrunk(fakes, options);
        expect(next.shrunk).toEqual(next.full);
      }),
      { numRuns: 300 },
    );
  });

  it('shrinks a record and its copy in step with the link to ids and keys', () => {
    const link = { erpId: 'A', outlookId: 'o1', state: 'active' as const, snapshot: { givenName: 'Ana', emails: ['a@x.test'] }, missedListings: 0, updatedAt: now };
    const filter = createInStepFilter([toKeyedContactLink(link)], 'acme');
    const erp = filter.erp({ id: 'A', givenName: 'Ana', displayName: '', emails: ['a@x.test'], version: 2, updatedAt: now });
    const item = filter.outlook({ id: 'o1', changeKey: 'ck', tag: 'acme:A', fields: { givenName: ' Ana ', emails: ['a@x.test'], categories: ['Red'] }, lastModifiedDateTime: now });
    // An empty display name is not the snapshot's absent one: the record is kept whole.
    expect('inStepWith' in erp).toBe(false);
    expect(item).toEqual({ id: 'o1', changeKey: 'ck', erpId: 'A', categories: ['Red'], lastModifiedDateTime: now, inStepWith: syncedContactKey(link.snapshot, true) });
  });
});

describe('syncedContactKey', () => {
  it('is the same for the same values written differently, and differs when a value differs', () => {
    expect(syncedContactKey({ givenName: ' Ana ', emails: ['a@x.test', 'A@x.test'] }, true)).toBe(syncedContactKey({ emails: ['a@x.test'], givenName: 'Ana' }, true));
    expect(syncedContactKey({ givenName: 'Ana', emails: [] }, true)).not.toBe(syncedContactKey({ surname: 'Ana', emails: [] }, true));
    expect(syncedContactKey({ emails: [], categories: ['Red'] }, true)).not.toBe(syncedContactKey({ emails: [] }, true));
    expect(syncedContactKey({ emails: [], categories: ['Red'] }, false)).toBe(syncedContactKey({ emails: [] }, true));
  });
});
