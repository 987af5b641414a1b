import { normalizeSyncedContact } from '../../domain/normalize-synced-contact';
import type { ConflictPolicy } from '../../domain/sync-settings';
import type { SyncedContact, SyncedContactField } from '../../domain/synced-contact';
import { syncedContactFields } from '../../domain/synced-contact-fields';
import { erpWritableContactFields } from './erp-writable-contact-fields';
import { mergeAddressParts } from './merge-address-parts';
import { mergeEmailLists } from './merge-email-lists';
import { sameFieldValue } from './same-field-value';
import { setSyncedField } from './set-synced-field';

export type FieldSide = 'erp' | 'outlook';

/**
 * When each side last changed: `newest` compares them field by field (server times of each system,
 * not local clocks). The ERP may date each field (`ErpContact.fieldUpdatedAt`); Outlook dates only
 * the whole item.
 */
export type ContactMergeTimestamps = {
  erpUpdatedAt: string;
  outlookModifiedAt: string;
  erpFieldUpdatedAt?: Partial<Record<SyncedContactField, string>>;
};

export type FieldConflict = {
  field: SyncedContactField;
  erpValue: SyncedContact[SyncedContactField];
  outlookValue: SyncedContact[SyncedContactField];
  /** The side that won; `undefined` while it waits for the user (policy `manual`). */
  resolution: FieldSide | undefined;
};

/** What each side should hold after the merge, and the new base; a waiting field keeps each side's value and the old base. */
export type ContactMerge = {
  erp: SyncedContact;
  outlook: SyncedContact;
  snapshot: SyncedContact;
  /** Sorted in field order. */
  conflicts: FieldConflict[];
  /**
   * The emails the ERP should hold: `erp.emails` before Outlook's three slots cut it, so an email
   * each side added survives in the ERP when together they make more than three.
   */
  erpEmails: string[];
};

type FieldOutcome<Field extends SyncedContactField> = {
  erp: SyncedContact[Field];
  outlook: SyncedContact[Field];
  snapshot: SyncedContact[Field];
  conflict?: FieldConflict;
};

function winnerByPolicy(policy: ConflictPolicy, timestamps: ContactMergeTimestamps, field: SyncedContactField): FieldSide | undefined {
  switch (policy) {
    case 'erp-wins':
      return 'erp';
    case 'outlook-wins':
      return 'outlook';
    case 'manual':
      return undefined;
    case 'newest': {
      // A tie, or a time that cannot be read, goes to the ERP: it is the record of reference.
      // The field's own time where the ERP keeps one: a later edit of another field does not make this one newer.
      const erpTime = Date.parse(timestamps.erpFieldUpdatedAt?.[field] ?? timestamps.erpUpdatedAt);
      const outlookTime = Date.parse(timestamps.outlookModifiedAt);
      return outlookTime > erpTime ? 'outlook' : 'erp';
    }
  }
}

type Sides = { base: SyncedContact; erp: SyncedContact; outlook: SyncedContact };

/** Merges a list or structured value from its parts; `conflicting` when both sides changed the same part. */
type PartMerge<Value> = (base: Value, erp: Value, outlook: Value, pick: FieldSide) => { merged: Value; conflicting: boolean };

const mergeParts: { [Field in 'address' | 'emails']: PartMerge<SyncedContact[Field]> } = {
  address: mergeAddressParts,
  emails: (base, erp, outlook, pick) => mergeEmailLists(base, erp, outlook, pick),
};

/**
 * A field merged part by part (address parts, email list elements): edits of different parts on
 * each side are both kept; only parts changed on both sides are a conflict, which the policy or
 * the user's choice settles for those parts. Under `manual` the whole field waits, as a plain one.
 */
function mergeByParts<Field extends 'address' | 'emails'>(field: Field, sides: Sides, winner: () => FieldSide | undefined): FieldOutcome<Field> {
  const base = sides.base[field];
  const erp = sides.erp[field];
  const outlook = sides.outlook[field];
  if (sameFieldValue(erp, outlook)) return { erp, outlook, snapshot: erp };
  const merge: PartMerge<SyncedContact[Field]> = mergeParts[field];
  const trial = merge(base, erp, outlook, 'erp');
  if (!trial.conflicting) return { erp: trial.merged, outlook: trial.merged, snapshot: trial.merged };
  const resolution = winner();
  const conflict: FieldConflict = { field, erpValue: erp, outlookValue: outlook, resolution };
  if (resolution === undefined) return { erp, outlook, snapshot: base, conflict };
  const { merged } = merge(base, erp, outlook, resolution);
  return { erp: merged, outlook: merged, snapshot: merged, conflict };
}

function mergeField<Field extends SyncedContactField>(
  field: Field,
  sides: Sides,
  winner: () => FieldSide | undefined,
): FieldOutcome<Field> {
  const base = sides.base[field];
  const erp = sides.erp[field];
  const outlook = sides.outlook[field];
  if (sameFieldValue(erp, outlook)) return { erp, outlook, snapshot: erp };
  if (!erpWritableContactFields.has(field)) {
    // Outlook cannot change what the ERP owns: an Outlook edit is undone, and recorded so the user sees why.
    if (sameFieldValue(outlook, base)) return { erp, outlook: erp, snapshot: erp };
    return { erp, outlook: erp, snapshot: erp, conflict: { field, erpValue: erp, outlookValue: outlook, resolution: 'erp' } };
  }
  if (sameFieldValue(erp, base)) return { erp: outlook, outlook, snapshot: outlook };
  if (sameFieldValue(outlook, base)) return { erp, outlook: erp, snapshot: erp };
  const resolution = winner();
  const conflict: FieldConflict = { field, erpValue: erp, outlookValue: outlook, resolution };
  if (resolution === undefined) return { erp, outlook, snapshot: base, conflict };
  const value = resolution === 'erp' ? erp : outlook;
  return { erp: value, outlook: value, snapshot: value, conflict };
}

/**
 * Field-level three-way merge against the last synced snapshot (`base`). A field changed on one
 * side only takes that side; the address merges part by part and the emails element by element, so
 * only the same part changed on both sides conflicts. Changed on both to different values, it is a conflict that
 * `decisions` (a user's choice) or else the policy settles: `newest` compares the ERP `updatedAt`
 * with Outlook's `lastModifiedDateTime`, `manual` leaves both sides as they are and waits. Fields
 * the ERP owns (company, categories) follow the ERP. Categories the ERP does not manage are Outlook's
 * alone: kept in Outlook, left out of the ERP values and of the snapshot.
 *
 * @example mergeContactFields(base, erp, outlook, 'erp-wins', { erpUpdatedAt, outlookModifiedAt }).outlook
 */
export function mergeContactFields(
  base: SyncedContact,
  erp: SyncedContact,
  outlook: SyncedContact,
  policy: ConflictPolicy,
  timestamps: ContactMergeTimestamps,
  decisions: Partial<Record<SyncedContactField, FieldSide>> = {},
): ContactMerge {
  const baseValues = normalizeSyncedContact(base);
  const erpValues = normalizeSyncedContact(erp);
  const outlookValues = normalizeSyncedContact(outlook);
  const merged: ContactMerge = { erp: { emails: [] }, outlook: { emails: [] }, snapshot: { emails: [] }, conflicts: [], erpEmails: [] };
  const sides: Sides = { base: baseValues, erp: erpValues, outlook: outlookValues };
  for (const field of syncedContactFields) {
    if (field === 'categories' && erpValues.categories === undefined) {
      merged.outlook.categories = outlookValues.categories;
      continue;
    }
    const winner = () => decisions[field] ?? winnerByPolicy(policy, timestamps, field);
    const outcome = field === 'address' || field === 'emails' ? mergeByParts(field, sides, winner) : mergeField(field, sides, winner);
    setSyncedField(merged.erp, field, outcome.erp);
    setSyncedField(merged.outlook, field, outcome.outlook);
    setSyncedField(merged.snapshot, field, outcome.snapshot);
    if (outcome.conflict) merged.conflicts.push(outcome.conflict);
  }
  return {
    erp: normalizeSyncedContact(merged.erp),
    outlook: normalizeSyncedContact(merged.outlook),
    snapshot: normalizeSyncedContact(merged.snapshot),
    conflicts: merged.conflicts,
    erpEmails: merged.erp.emails,
  };
}
