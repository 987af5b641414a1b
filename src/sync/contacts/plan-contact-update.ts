import type { ErpContact } from '../../domain/erp-records';
import { normalizeSyncedContact } from '../../domain/normalize-synced-contact';
import { projectErpContact } from '../../domain/project-erp-contact';
import type { SyncedContact, SyncedContactField } from '../../domain/synced-contact';
import { syncedContactFields } from '../../domain/synced-contact-fields';
import { applyErpContactChanges } from './apply-erp-contact-changes';
import { checkErpContactChanges, type RefusedContactField } from './check-erp-contact-changes';
import type { ContactConflict } from './contact-conflict';
import type { ContactLink } from './contact-link';
import type { ContactOperation } from './contact-operation';
import type { ContactPlanInput } from './contact-plan-input';
import { diffErpFields } from './diff-erp-fields';
import { diffOutlookFields } from './diff-outlook-fields';
import { erpWritableContactFields } from './erp-writable-contact-fields';
import { type FieldConflict, type FieldSide, mergeContactFields } from './merge-contact-fields';
import type { OutlookContact } from './outlook-contact';
import { sameLink } from './same-link';
import { setSyncedField } from './set-synced-field';

export type ContactUpdateContext = {
  erp: ErpContact;
  /** The ERP record's projection, normalized. */
  projected: SyncedContact;
  /** Our Outlook copy, fields normalized. */
  item: OutlookContact;
  /** Active, pointing at `item`. */
  link: ContactLink;
  conflicts: readonly ContactConflict[];
  input: Pick<ContactPlanInput, 'environment' | 'settings' | 'now' | 'newId'>;
};

export type ContactUpdatePlan = {
  operations: ContactOperation[];
  waitingConflicts: number;
  /** Outlook values the ERP would refuse: left out of the ERP write, kept in Outlook, reported. */
  refused: RefusedContactField[];
};

/** A user's resolution made after the link was last saved has not been applied yet. */
function pendingDecisions(conflicts: readonly ContactConflict[], link: ContactLink): Partial<Record<SyncedContactField, FieldSide>> {
  const decisions: Partial<Record<SyncedContactField, FieldSide>> = {};
  for (const conflict of conflicts) {
    if (conflict.status !== 'resolved' || conflict.resolution === undefined || conflict.resolvedAt === undefined) continue;
    if (Date.parse(conflict.resolvedAt) > Date.parse(link.updatedAt)) decisions[conflict.field] = conflict.resolution;
  }
  return decisions;
}

function toConflictRecord(erpId: string, conflict: FieldConflict, input: ContactUpdateContext['input']): ContactConflict {
  const { field, erpValue, outlookValue, resolution } = conflict;
  const record: ContactConflict = { id: input.newId(), erpId, field, erpValue, outlookValue, status: 'open', createdAt: input.now };
  return resolution === undefined ? record : { ...record, status: 'resolved', resolution, resolvedAt: input.now };
}

function pick<Field extends SyncedContactField>(target: SyncedContact, field: Field, source: SyncedContact): void {
  setSyncedField(target, field, source[field]);
}

/** What each direction decides: the ERP write and conflicts, what Outlook should hold, the new snapshot. */
type Targets = { operations: ContactOperation[]; outlook: SyncedContact; snapshot: SyncedContact; waitingConflicts: number; refused: RefusedContactField[] };

/** One-way: synced fields mirror the ERP; categories the ERP does not manage stay the user's. */
function mirrorErp({ projected, item }: ContactUpdateContext): Targets {
  const outlook = projected.categories === undefined ? { ...projected, categories: item.fields.categories } : projected;
  return { operations: [], outlook: normalizeSyncedContact(outlook), snapshot: projected, waitingConflicts: 0, refused: [] };
}

/** Two-way: the three-way merge, the ERP write it calls for, and the conflicts to record. */
function mergeBothWays({ erp, projected, item, link, conflicts, input }: ContactUpdateContext): Targets {
  const operations: ContactOperation[] = [];
  const decisions = pendingDecisions(conflicts, link);
  const timestamps = { erpUpdatedAt: erp.updatedAt, outlookModifiedAt: item.lastModifiedDateTime, ...(erp.fieldUpdatedAt ? { erpFieldUpdatedAt: erp.fieldUpdatedAt } : {}) };
  const merge = mergeContactFields(link.snapshot, projected, item.fields, input.settings.policy, timestamps, decisions);
  // A value the ERP would refuse stays out of the write, so the rest of the record still syncs both ways.
  const { accepted: erpChanges, refused } = checkErpContactChanges(diffErpFields(erp, projected, merge.erp, merge.erpEmails));
  if (Object.keys(erpChanges).length) operations.push({ kind: 'updateInErp', erpId: erp.id, version: erp.version, changes: erpChanges });

  // What the ERP will project after the write (an email past the third may take a freed slot), so
  // Outlook and the snapshot match it in this run rather than the next.
  const afterWrite = projectErpContact(applyErpContactChanges(erp, erpChanges), input.environment).fields;
  const waiting = new Set(merge.conflicts.filter((conflict) => conflict.resolution === undefined).map((conflict) => conflict.field));
  const refusedFields = new Set<SyncedContactField>(refused.map((refusal) => refusal.field));
  const outlook: SyncedContact = { emails: [] };
  const snapshot: SyncedContact = { emails: [] };
  for (const field of syncedContactFields) {
    const settledByErp = erpWritableContactFields.has(field) && !waiting.has(field);
    // A refused value stays in Outlook as the user typed it; the base stays the ERP's, so it is offered again once fixed.
    pick(outlook, field, settledByErp && !refusedFields.has(field) ? afterWrite : merge.outlook);
    pick(snapshot, field, settledByErp ? afterWrite : merge.snapshot);
  }

  for (const conflict of merge.conflicts) {
    // A waiting conflict is recorded once; a user's resolution being applied is on record already.
    const recorded =
      conflict.resolution === undefined
        ? conflicts.some((known) => known.status === 'open' && known.field === conflict.field)
        : decisions[conflict.field] !== undefined;
    if (!recorded) operations.push({ kind: 'conflict', erpId: erp.id, conflict: toConflictRecord(erp.id, conflict, input) });
  }
  return { operations, outlook: normalizeSyncedContact(outlook), snapshot: normalizeSyncedContact(snapshot), waitingConflicts: waiting.size, refused };
}

/**
 * The writes that bring a linked ERP contact and its Outlook copy in step, the conflicts to record,
 * and the link to save. `erp-to-outlook` mirrors the ERP; `two-way` merges field by field.
 */
export function planContactUpdate(context: ContactUpdateContext): ContactUpdatePlan {
  const { erp, item, link, input } = context;
  const targets = input.settings.direction === 'erp-to-outlook' ? mirrorErp(context) : mergeBothWays(context);
  const operations = [...targets.operations];
  const outlookChanges = diffOutlookFields(item.fields, targets.outlook);
  if (Object.keys(outlookChanges).length) {
    operations.push({ kind: 'updateInOutlook', erpId: erp.id, outlookId: item.id, changeKey: item.changeKey, changes: outlookChanges });
  }
  const savedLink: ContactLink = { ...link, snapshot: targets.snapshot, missedListings: 0, updatedAt: input.now };
  if (!sameLink(link, savedLink)) operations.push({ kind: 'saveLink', erpId: erp.id, link: savedLink });
  return { operations, waitingConflicts: targets.waitingConflicts, refused: targets.refused };
}
