import type { ErpContact } from '../../domain/erp-records';
import { normalizeSyncedContact } from '../../domain/normalize-synced-contact';
import { projectErpContact } from '../../domain/project-erp-contact';
import type { SyncedContact } from '../../domain/synced-contact';
import { chooseKeptCopy } from './choose-kept-copy';
import type { RefusedContactField } from './check-erp-contact-changes';
import type { ContactConflict } from './contact-conflict';
import type { ContactLink } from './contact-link';
import type { ContactOperation } from './contact-operation';
import type { ContactPlanInput } from './contact-plan-input';
import { countListingMiss } from './count-listing-miss';
import type { OutlookContact } from './outlook-contact';
import { planContactUpdate } from './plan-contact-update';
import { sameLink } from './same-link';
import { sameSyncedContact } from './same-synced-contact';
import { syncedContactKey } from './synced-contact-key';

type RemoveOperation = Extract<ContactOperation, { kind: 'removeFromOutlook' }>;

export type ContactRecordContext = {
  erpId: string;
  /** The record as listed; `undefined` when the listing missed it. */
  erp: ErpContact | undefined;
  tombstoned: boolean;
  link: ContactLink | undefined;
  /** The folder's items carrying this record's tag. */
  copies: readonly OutlookContact[];
  /** This record's open and resolved conflicts. */
  conflicts: readonly ContactConflict[];
  input: Pick<ContactPlanInput, 'environment' | 'settings' | 'now' | 'newId'>;
};

export type ContactRecordPlan = {
  operations: ContactOperation[];
  /**
   * A removal, subject to the mass-removal guard; `fallback` runs instead when it is held. `others`
   * go with it: the record's edited copies left alone while it was synced leave Outlook with it.
   */
  removal?: { operation: RemoveOperation; fallback: ContactOperation[]; others?: RemoveOperation[] };
  /** The mailbox holds (or this plan creates) a synced copy of the record. */
  holdsCopy: boolean;
  waitingConflicts: number;
  /** Tagged copies besides the kept one that someone edited: never removed, reported. */
  leftAlone?: number;
  /** Outlook values the ERP would refuse, left out of its write and reported. */
  refused?: RefusedContactField[];
};

/** The ERP does not manage categories unless its record has them: they are then left out of snapshots. */
function snapshotOf(fields: SyncedContact, erp: ErpContact | undefined, environment: string): SyncedContact {
  const managesCategories = erp !== undefined && projectErpContact(erp, environment).fields.categories !== undefined;
  return managesCategories ? fields : normalizeSyncedContact({ ...fields, categories: undefined });
}

function removal(item: OutlookContact, erpId: string, reason: RemoveOperation['reason']): RemoveOperation {
  return { kind: 'removeFromOutlook', erpId, outlookId: item.id, changeKey: item.changeKey, reason };
}

function saveIfChanged(before: ContactLink, after: ContactLink): ContactOperation[] {
  return sameLink(before, after) ? [] : [{ kind: 'saveLink', erpId: after.erpId, link: after }];
}

/** No copy of ours in the folder: create it, or respect the user's delete. */
function planMissingCopy(context: ContactRecordContext): ContactRecordPlan {
  const { erpId, erp, link, input } = context;
  const projected = erp && projectErpContact(erp, input.environment);
  const none: ContactRecordPlan = { operations: [], holdsCopy: false, waitingConflicts: 0 };
  const create = (tag: string, fields: SyncedContact): ContactRecordPlan => ({
    operations: [{ kind: 'createInOutlook', erpId, tag, fields, link: { erpId, state: 'active', snapshot: fields, missedListings: 0, updatedAt: input.now } }],
    holdsCopy: true,
    waitingConflicts: 0,
  });
  if (link === undefined) return projected ? create(projected.tag, projected.fields) : none;
  if (link.state === 'active') {
    // The user deleted the copy (or moved it out of the folder): remember it, never delete in the ERP.
    const suppressed: ContactLink = { ...link, state: 'suppressed', snapshot: projected?.fields ?? link.snapshot, missedListings: 0, updatedAt: input.now };
    return { ...none, operations: [{ kind: 'suppress', erpId, link: suppressed }] };
  }
  // Suppressed: the record comes back only once the ERP changed it since the user's delete.
  const changedSince = projected !== undefined && syncedContactKey(projected.fields, true) !== syncedContactKey(link.snapshot, true);
  return changedSince ? create(projected.tag, projected.fields) : none;
}

/**
 * The operations for one ERP id: what its ERP record (listed, missed or deleted), its link and
 * the folder's items carrying its tag call for.
 */
export function planContactRecord(context: ContactRecordContext): ContactRecordPlan {
  const { erpId, link, copies } = context;
  const { keep, duplicates, leftAlone } = chooseKeptCopy(copies, link?.outlookId);
  const operations: ContactOperation[] = [];
  if (keep && duplicates.length) {
    operations.push({ kind: 'deduplicate', erpId, keepOutlookId: keep.id, remove: duplicates.map((copy) => ({ outlookId: copy.id, changeKey: copy.changeKey })) });
  }
  const plan = planKeptCopy(context, keep, operations);
  if (leftAlone.length === 0) return plan;
  if (plan.removal === undefined) return { ...plan, leftAlone: leftAlone.length };
  const { reason } = plan.removal.operation;
  return { ...plan, removal: { ...plan.removal, others: leftAlone.map((copy) => removal(copy, erpId, reason)) } };
}

/** What the record's ERP side and link call for, given the copy kept (`undefined`: none in the folder). */
function planKeptCopy(context: ContactRecordContext, keep: OutlookContact | undefined, operations: ContactOperation[]): ContactRecordPlan {
  const { erpId, erp, tombstoned, link, input } = context;

  if (erp === undefined && tombstoned) {
    if (keep) return { operations, removal: { operation: removal(keep, erpId, 'tombstone'), fallback: [] }, holdsCopy: true, waitingConflicts: 0 };
    if (link) operations.push({ kind: 'unlink', erpId });
    return { operations, holdsCopy: false, waitingConflicts: 0 };
  }
  if (keep === undefined) return planMissingCopy(context);

  const missedListings = erp ? 0 : countListingMiss(link?.state === 'active' ? link : undefined, input.now);
  let current: ContactLink;
  if (link?.state === 'active' && link.outlookId === keep.id) {
    current = link;
  } else {
    // Ours but untracked (crashed create, 410 resync, restored by the user): link it. With no link the ERP
    // values win on adoption; a link's snapshot stays the base, so the edits of a copy the user moved back are merged.
    const base = link?.snapshot ?? snapshotOf(keep.fields, erp, input.environment);
    current = { erpId, outlookId: keep.id, state: 'active', snapshot: base, missedListings, updatedAt: input.now };
    operations.push({ kind: 'adopt', erpId, outlookId: keep.id, link: current });
  }

  if (erp === undefined) {
    const counted: ContactLink = { ...current, missedListings, updatedAt: input.now };
    if (missedListings >= 2) {
      return { operations, removal: { operation: removal(keep, erpId, 'left-scope'), fallback: saveIfChanged(current, counted) }, holdsCopy: true, waitingConflicts: 0 };
    }
    return { operations: [...operations, ...saveIfChanged(current, counted)], holdsCopy: true, waitingConflicts: 0 };
  }

  const projected = projectErpContact(erp, input.environment).fields;
  // In step on all three sides: the merge would find nothing to write and the same link to save.
  const inStep =
    current.missedListings === 0 &&
    sameSyncedContact(projected, current.snapshot, true) &&
    sameSyncedContact(projected, keep.fields, projected.categories !== undefined);
  if (inStep) return { operations, holdsCopy: true, waitingConflicts: 0 };
  const update = planContactUpdate({ erp, projected, item: keep, link: current, conflicts: context.conflicts, input });
  const plan: ContactRecordPlan = { operations: [...operations, ...update.operations], holdsCopy: true, waitingConflicts: update.waitingConflicts };
  return update.refused.length ? { ...plan, refused: update.refused } : plan;
}
