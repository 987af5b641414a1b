import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErpContact } from '../../../../src/domain/erp-records';
import type { ConflictPolicy } from '../../../../src/domain/sync-settings';
import type { SyncedContact, SyncedContactField } from '../../../../src/domain/synced-contact';
import type { ContactConflict } from '../../../../src/sync/contacts/contact-conflict';
import type { ContactLink } from '../../../../src/sync/contacts/contact-link';
import type { OutlookContact } from '../../../../src/sync/contacts/outlook-contact';
import { ContactSyncFakes, type PlanOptions } from '../../../fakes/contact-sync-fakes';

const now = '2026-03-02T08:00:00.000Z';
const nextRun = '2026-03-02T08:05:00.000Z';
const erpIds = ['A', 'B', 'C', 'D', 'E'] as const;
const earlier = fc.constantFrom('2026-03-01T00:00:00.000Z', '2026-03-01T12:00:00.000Z', '2026-03-02T07:59:59.000Z');

// Small pools, so both sides often hold the same values, repeat an email in another case or differ by blanks.
const text = fc.option(fc.constantFrom('x', 'y', ' y ', ''), { nil: undefined });
const fieldsArbitrary: fc.Arbitrary<SyncedContact> = fc.record({
  givenName: text,
  surname: text,
  displayName: text,
  companyName: text,
  jobTitle: text,
  emails: fc.array(fc.constantFrom('a@x.test', 'A@x.test', 'b@x.test', 'c@x.test', 'd@x.test', 'e@x.test'), { maxLength: 5 }),
  businessPhone: text,
  mobilePhone: text,
  address: fc.option(fc.record({ city: text, street: text }), { nil: undefined }),
  notes: text,
  categories: fc.option(fc.array(fc.constantFrom('Red', 'Blue', 'red')), { nil: undefined }),
});

const erpRecordArbitrary = fc.record({
  presence: fc.constantFrom('in-scope', 'in-scope', 'out-of-scope', 'deleted', 'absent'),
  fields: fieldsArbitrary,
  version: fc.integer({ min: 1, max: 3 }),
  updatedAt: earlier,
});

const outlookItemArbitrary = fc.record({
  tag: fc.option(fc.constantFrom('acme:A', 'acme:B', 'acme:C', 'acme:D', 'acme:E', 'sandbox:A', 'not a tag'), { nil: undefined }),
  fields: fieldsArbitrary,
  lastModifiedDateTime: earlier,
  createdDateTime: fc.option(earlier, { nil: undefined }),
});

const linkArbitrary = fc.option(
  fc.record({
    /** Mostly the item carrying the record's own tag, as after a good run; else any item or a missing one. */
    outlookRef: fc.oneof(fc.constant<'own-copy'>('own-copy'), fc.constant<'own-copy'>('own-copy'), fc.nat(9)),
    state: fc.constantFrom<ContactLink['state']>('active', 'active', 'suppressed'),
    snapshot: fieldsArbitrary,
    missedListings: fc.integer({ min: 0, max: 2 }),
    updatedAt: earlier,
  }),
  { nil: undefined },
);

const conflictArbitrary = fc.record({
  erpId: fc.constantFrom(...erpIds),
  field: fc.constantFrom<SyncedContactField>('givenName', 'mobilePhone', 'emails', 'address'),
  resolution: fc.option(fc.constantFrom<'erp' | 'outlook'>('erp', 'outlook'), { nil: undefined }),
  at: earlier,
});

const stateArbitrary = fc.record({
  erp: fc.tuple(...erpIds.map(() => erpRecordArbitrary)),
  outlook: fc.array(outlookItemArbitrary, { maxLength: 10 }),
  links: fc.tuple(...erpIds.map(() => linkArbitrary)),
  conflicts: fc.array(conflictArbitrary, { maxLength: 3 }),
  direction: fc.constantFrom<'erp-to-outlook' | 'two-way'>('erp-to-outlook', 'two-way'),
  policy: fc.constantFrom<ConflictPolicy>('erp-wins', 'outlook-wins', 'newest', 'manual'),
  confirmed: fc.subarray([...erpIds]),
});

type State = typeof stateArbitrary extends fc.Arbitrary<infer Value> ? Value : never;

function toErpContact(id: string, record: State['erp'][number]): ErpContact {
  const { categories: _categories, ...fields } = record.fields;
  return { ...fields, id, displayName: fields.displayName ?? '', emails: fields.emails, version: record.version, updatedAt: record.updatedAt };
}

/** A mailbox in any state a crash, a lost store, a user or the ERP could leave it in. */
function arrange(state: State): { fakes: ContactSyncFakes; options: PlanOptions; userItems: OutlookContact[] } {
  const erpContacts = erpIds.flatMap((id, index) => {
    const record = state.erp[index];
    return record && record.presence !== 'absent' ? [toErpContact(id, record)] : [];
  });
  const outlookItems: OutlookContact[] = state.outlook.map((item, index) => ({ ...item, id: `o${index}`, changeKey: `ck${index}` }));
  const usedOutlookIds = new Set<string>();
  const links: ContactLink[] = erpIds.flatMap((erpId, index) => {
    const link = state.links[index];
    const ownCopy = outlookItems.find((item) => item.tag === `acme:${erpId}`);
    const outlookId = link?.outlookRef === 'own-copy' ? ownCopy?.id : link && `o${link.outlookRef}`;
    if (link === undefined || outlookId === undefined || usedOutlookIds.has(outlookId)) return [];
    usedOutlookIds.add(outlookId);
    return [{ erpId, outlookId, state: link.state, snapshot: link.snapshot, missedListings: link.missedListings, updatedAt: link.updatedAt }];
  });
  const fakes = new ContactSyncFakes({ now, erpContacts, links });
  erpIds.forEach((id, index) => {
    if (state.erp[index]?.presence === 'out-of-scope') fakes.erp.leaveScope(id);
    if (state.erp[index]?.presence === 'deleted') fakes.erp.deleteInErp(id);
  });
  outlookItems.forEach((item, index) => fakes.outlook.seed(item, { nickname: `nick-${index}` }));
  state.conflicts.forEach((conflict, index) => {
    const record: ContactConflict = { id: `known-${index}`, erpId: conflict.erpId, field: conflict.field, erpValue: null, outlookValue: null, status: 'open', createdAt: conflict.at };
    void fakes.links.addConflict(conflict.resolution ? { ...record, status: 'resolved', resolution: conflict.resolution, resolvedAt: conflict.at } : record);
  });
  const userItems = outlookItems.filter((item) => !item.tag?.startsWith('acme:'));
  return { fakes, options: { direction: state.direction, policy: state.policy, confirmedRemovals: state.confirmed }, userItems };
}

describe('planContactChanges: idempotence over random mailboxes', () => {
  it('plans nothing more once its plan is applied, leaves one copy per tag, and never deletes an ERP record', async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, async (state) => {
        const { fakes, options, userItems } = arrange(state);
        const erpIdsBefore = fakes.erp.ids();

        const { plan, result } = await fakes.run(now, options);
        expect(result.failed).toEqual([]);
        const again = await fakes.plan(options);

        expect(again.operations).toEqual([]);
        expect(again.heldRemovals.map((removal) => removal.erpId)).toEqual(plan.heldRemovals.map((removal) => removal.erpId));
        for (const erpId of erpIds) expect(fakes.outlook.withTag(`acme:${erpId}`).length).toBeLessThanOrEqual(1);
        expect(fakes.erp.ids()).toEqual(erpIdsBefore);
        if (state.direction === 'erp-to-outlook') expect(fakes.erp.writes).toBe(0);
        for (const item of userItems) expect(fakes.outlook.contact(item.id)).toEqual(item);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every Outlook-only field of the contacts it keeps', async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, async (state) => {
        const { fakes, options } = arrange(state);
        await fakes.run(now, options);
        for (const item of await fakes.outlook.listContacts()) {
          if (!item.id.startsWith('created-')) expect(fakes.outlook.outlookOnly(item.id)).toEqual({ nickname: `nick-${item.id.slice(1)}` });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('at the next listing, only counts misses and removes what two listings missed', async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, async (state) => {
        const { fakes, options } = arrange(state);
        await fakes.run(now, options);
        fakes.clock.set(nextRun);
        const next = await fakes.plan(options);
        for (const operation of next.operations) {
          if (operation.kind === 'removeFromOutlook') expect(operation.reason).toBe('left-scope');
          else if (operation.kind === 'saveLink') expect(fakes.links.link(operation.erpId)).toEqual({ ...operation.link, missedListings: operation.link.missedListings - 1, updatedAt: now });
          else expect.fail(`unexpected ${operation.kind} of ${operation.erpId} at the next listing`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
