import fc from 'fast-check';
import type { ErpContact } from '../../src/domain/erp-records';
import type { ConflictPolicy } from '../../src/domain/sync-settings';
import type { SyncedContact, SyncedContactField } from '../../src/domain/synced-contact';
import type { ContactConflict } from '../../src/sync/contacts/contact-conflict';
import type { ContactLink } from '../../src/sync/contacts/contact-link';
import type { OutlookContact } from '../../src/sync/contacts/outlook-contact';
import { ContactSyncFakes, type PlanOptions } from '../fakes/contact-sync-fakes';

export const now = '2026-03-02T08:00:00.000Z';
export const nextRun = '2026-03-02T08:05:00.000Z';
export const erpIds = ['A', 'B', 'C', 'D', 'E'] as const;
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

/** A mailbox in any state: both sides, links, conflicts and settings. */
export const stateArbitrary = fc.record({
  erp: fc.tuple(...erpIds.map(() => erpRecordArbitrary)),
  outlook: fc.array(outlookItemArbitrary, { maxLength: 10 }),
  links: fc.tuple(...erpIds.map(() => linkArbitrary)),
  conflicts: fc.array(conflictArbitrary, { maxLength: 3 }),
  direction: fc.constantFrom<'erp-to-outlook' | 'two-way'>('erp-to-outlook', 'two-way'),
  policy: fc.constantFrom<ConflictPolicy>('erp-wins', 'outlook-wins', 'newest', 'manual'),
  confirmed: fc.subarray([...erpIds]),
});

export type State = typeof stateArbitrary extends fc.Arbitrary<infer Value> ? Value : never;

function toErpContact(id: string, record: State['erp'][number]): ErpContact {
  const { categories: _categories, ...fields } = record.fields;
  return { ...fields, id, displayName: fields.displayName ?? '', emails: fields.emails, version: record.version, updatedAt: record.updatedAt };
}

/** A mailbox in any state a crash, a lost store, a user or the ERP could leave it in. */
export function arrange(state: State): { fakes: ContactSyncFakes; options: PlanOptions; userItems: OutlookContact[] } {
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

