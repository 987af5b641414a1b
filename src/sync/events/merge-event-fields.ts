import type { ConflictPolicy } from '../../domain/sync-settings';
import type { EventConflict } from './event-conflict';
import { erpOnlyEventFields, eventMergeFields, type EventMergeField, type SyncedEvent } from './synced-event';

export interface EventMergeInput {
  erpId: string;
  base: SyncedEvent;
  erp: SyncedEvent;
  /** Outlook's values, or the base when Outlook's may not be read (unchanged, or private). */
  outlook: SyncedEvent;
  direction: 'erp-to-outlook' | 'two-way';
  policy: ConflictPolicy;
  /** For `newest`: when each side last changed (a tie goes to the ERP). */
  erpUpdatedAt: string;
  outlookUpdatedAt: string;
  /** The user's resolutions of this record made after the link was last saved, and its open conflicts. */
  conflicts: readonly EventConflict[];
  linkUpdatedAt: string;
  now: string;
  newId: () => string;
}

export interface EventMerge {
  /** The next snapshot's fields (a field waiting for the user keeps its base). */
  fields: SyncedEvent;
  toOutlook: (keyof SyncedEvent)[];
  toErp: EventMergeField[];
  conflicts: EventConflict[];
}

type MergeValue = string | { start: string; end: string; allDay: boolean };

function valueOf(fields: SyncedEvent, field: EventMergeField): MergeValue {
  return field === 'time' ? { start: fields.start, end: fields.end, allDay: fields.allDay } : fields[field];
}

function setValue(fields: SyncedEvent, field: EventMergeField, from: SyncedEvent): SyncedEvent {
  return field === 'time' ? { ...fields, start: from.start, end: from.end, allDay: from.allDay } : { ...fields, [field]: from[field] };
}

const same = (left: MergeValue, right: MergeValue) => JSON.stringify(left) === JSON.stringify(right);

/** The columns of `SyncedEvent` a merge field writes. */
function columnsOf(field: EventMergeField): (keyof SyncedEvent)[] {
  return field === 'time' ? ['start', 'end', 'allDay'] : [field];
}

/** Which side wins a field both sides changed differently; `undefined` while it waits for the user. */
function winnerOf(input: EventMergeInput, field: EventMergeField): 'erp' | 'outlook' | undefined {
  if (input.direction === 'erp-to-outlook') return 'erp';
  switch (input.policy) {
    case 'erp-wins':
      return 'erp';
    case 'outlook-wins':
      return 'outlook';
    case 'newest':
      return Date.parse(input.outlookUpdatedAt) > Date.parse(input.erpUpdatedAt) ? 'outlook' : 'erp';
    case 'manual':
      return input.conflicts.find((conflict) => conflict.field === field && conflict.status === 'resolved' && (conflict.resolvedAt ?? '') > input.linkUpdatedAt)?.resolution;
  }
}

/**
 * Three-way merge of one action and its event against the last synced snapshot, field by field
 * (docs/event-sync.md): a field changed on one side takes that side (in `erp-to-outlook`, the
 * ERP's value is put back over Outlook's); changed on both sides differently, the policy decides
 * and the conflict is recorded. The fields only the ERP decides go to Outlook when the ERP changed them.
 */
export function mergeEventFields(input: EventMergeInput): EventMerge {
  const { base, erp, outlook } = input;
  let fields = base;
  const toOutlook: (keyof SyncedEvent)[] = [];
  const toErp: EventMergeField[] = [];
  const conflicts: EventConflict[] = [];
  for (const field of erpOnlyEventFields) {
    if (erp[field] === base[field]) continue;
    fields = { ...fields, [field]: erp[field] };
    toOutlook.push(field);
  }
  for (const field of eventMergeFields) {
    const erpChanged = !same(valueOf(erp, field), valueOf(base, field));
    const outlookChanged = !same(valueOf(outlook, field), valueOf(base, field));
    if (!erpChanged && !outlookChanged) continue;
    if (same(valueOf(erp, field), valueOf(outlook, field))) {
      fields = setValue(fields, field, erp);
      continue;
    }
    const winner = !outlookChanged || input.direction === 'erp-to-outlook' ? 'erp' : !erpChanged ? 'outlook' : winnerOf(input, field);
    if (erpChanged && outlookChanged && input.direction === 'two-way') {
      // Under `manual` the conflict is on record already when it waits, or when the user's resolution settles it; under
      // any policy, when a run whose writes failed or stopped recorded these values already.
      const seen = input.conflicts.some((conflict) => conflict.field === field && same(conflict.erpValue as MergeValue, valueOf(erp, field)) && same(conflict.outlookValue as MergeValue, valueOf(outlook, field)));
      const recorded = seen || (input.policy === 'manual' && input.conflicts.some((conflict) => conflict.field === field && (winner !== undefined || conflict.status === 'open')));
      if (!recorded) {
        conflicts.push({
          id: input.newId(), erpId: input.erpId, field, erpValue: valueOf(erp, field), outlookValue: valueOf(outlook, field),
          ...(winner === undefined ? { status: 'open' as const } : { status: 'resolved' as const, resolution: winner, resolvedAt: input.now }),
          createdAt: input.now,
        });
      }
    }
    if (winner === undefined) continue;
    fields = setValue(fields, field, winner === 'erp' ? erp : outlook);
    if (winner === 'erp') toOutlook.push(...columnsOf(field));
    else toErp.push(field);
  }
  return { fields, toOutlook, toErp, conflicts };
}
