import { normalizeSyncedContact } from '../../domain/normalize-synced-contact';
import type { ContactConflict } from './contact-conflict';
import type { ContactOperation } from './contact-operation';
import type { ContactPlan } from './contact-plan';
import type { ContactPlanInput } from './contact-plan-input';
import { countContactOperations } from './count-contact-operations';
import { guardMassRemoval } from './guard-mass-removal';
import { chooseKeptCopy } from './choose-kept-copy';
import { expandListedRecord } from './expand-listed-record';
import { indexListedRecords } from './index-listed-records';
import type { ListedContactLink, ListedErpContact, ListedOutlookContact } from './listed-contact';
import { type ContactRecordPlan, planContactRecord } from './plan-contact-record';
import { sortContactOperations } from './sort-contact-operations';

function groupConflicts(conflicts: readonly ContactConflict[]): Map<string, ContactConflict[]> {
  const byErpId = new Map<string, ContactConflict[]>();
  for (const conflict of conflicts) byErpId.set(conflict.erpId, [...(byErpId.get(conflict.erpId) ?? []), conflict]);
  return byErpId;
}

/**
 * A record whose ERP record and kept item were both listed in step with its link (shrunk by
 * `createInStepFilter`): in step on all three sides, as `planContactRecord` would find it.
 */
function planListedInStep(erpId: string, erp: ListedErpContact | undefined, link: ListedContactLink | undefined, copies: readonly ListedOutlookContact[]): ContactRecordPlan | undefined {
  if (erp === undefined || !('inStepWith' in erp) || link === undefined || !('snapshotKey' in link)) return undefined;
  if (link.state !== 'active' || link.missedListings !== 0 || erp.inStepWith !== link.snapshotKey) return undefined;
  const { keep, duplicates, leftAlone } = chooseKeptCopy(copies, link.outlookId);
  if (keep?.id !== link.outlookId || !('inStepWith' in keep) || keep.inStepWith !== link.snapshotKey) return undefined;
  const operations: ContactOperation[] = duplicates.length
    ? [{ kind: 'deduplicate', erpId, keepOutlookId: keep.id, remove: duplicates.map((copy) => ({ outlookId: copy.id, changeKey: copy.changeKey })) }]
    : [];
  return { operations, holdsCopy: true, waitingConflicts: 0, ...(leftAlone.length ? { leftAlone: leftAlone.length } : {}) };
}

/**
 * Plans one contact sync run of a mailbox from full listings of both sides and the links: creates,
 * field-level updates (changed fields only), adoptions of our own untracked items, suppressions of
 * contacts the user deleted, removals of records that left the scope (two listings) or were deleted
 * (tombstone), conflicts and de-duplication. Contacts without our tag are never touched; ERP records
 * are never deleted. Pure: time and ids come in, operations go out sorted by (erpId, step).
 *
 * @example
 * const plan = planContactChanges({ environment: 'acme', erpContacts, outlookContacts, links,
 *   settings: { direction: 'erp-to-outlook', policy: 'erp-wins' }, now: '2026-03-02T08:00:00Z', newId });
 */
export function planContactChanges(input: ContactPlanInput): ContactPlan {
  const listed = indexListedRecords(input.erpContacts, input.links, input.outlookContacts, input.environment);
  const tombstones = new Set(input.erpTombstones ?? []);
  const conflictsById = groupConflicts(input.conflicts ?? []);

  // One record at a time, keeping only the plans that do something: at 100,000 contacts, normalized
  // copies of every link and item, or a plan per record, would hold far more than the listings.
  const planned: { erpId: string; plan: ContactRecordPlan }[] = [];
  let waitingConflicts = 0;
  let unchanged = 0;
  let duplicatesLeftAlone = 0;
  for (const { erpId, erp: listedErp, link: listedLink, copies: listedCopies } of listed.records()) {
    let plan = planListedInStep(erpId, listedErp, listedLink, listedCopies);
    if (plan === undefined) {
      const { erp, link, copies } = expandListedRecord(erpId, listedErp, listedLink, listedCopies, input.environment);
      plan = planContactRecord({
        erpId,
        erp,
        tombstoned: tombstones.has(erpId),
        link: link && { ...link, snapshot: normalizeSyncedContact(link.snapshot) },
        copies: copies.map((copy) => ({ ...copy, fields: normalizeSyncedContact(copy.fields) })),
        conflicts: conflictsById.get(erpId) ?? [],
        input,
      });
    }
    waitingConflicts += plan.waitingConflicts;
    duplicatesLeftAlone += plan.leftAlone ?? 0;
    // A record that is listed has no removal: its operations are all it does.
    if (listedErp !== undefined && plan.holdsCopy && plan.operations.length === 0) unchanged += 1;
    if (plan.operations.length || plan.removal || plan.refused) planned.push({ erpId, plan });
  }

  const removals = planned.flatMap(({ plan }) => (plan.removal ? [plan.removal.operation] : []));
  // The share is of what the mailbox held before this run: its own creates must not dilute it.
  const linkedBefore = input.links.reduce((count, link) => (link.state === 'active' ? count + 1 : count), 0);
  const guard = guardMassRemoval(removals, linkedBefore, new Set(input.confirmedRemovals ?? []), new Set(input.heldRemovals ?? []));
  const held = new Set(guard.held.map((operation) => operation.erpId));

  const operations: ContactOperation[] = planned.flatMap(({ erpId, plan }) => {
    if (plan.removal === undefined) return plan.operations;
    return [...plan.operations, ...(held.has(erpId) ? plan.removal.fallback : [plan.removal.operation, ...(plan.removal.others ?? [])])];
  });
  const sorted = sortContactOperations(operations);
  return {
    operations: sorted,
    heldRemovals: guard.held,
    needsConfirmation: guard.held.length > 0,
    refusedFields: planned.flatMap(({ erpId, plan }) => (plan.refused ?? []).map((refusal) => ({ erpId, ...refusal }))),
    counters: {
      ...countContactOperations(sorted),
      heldRemovals: guard.held.length,
      waitingConflicts,
      untouchedOutlookContacts: listed.untouched,
      duplicatesLeftAlone,
      unchanged,
    },
  };
}
