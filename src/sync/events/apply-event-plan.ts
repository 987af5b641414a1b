import { ErpError, type ErpErrorCode } from '../../domain/erp-port';
import type { ErpActionSource } from '../actions/erp-action-source';
import { isRunLevelFailure } from '../is-run-level-failure';
import { SyncError, type SyncErrorCode } from '../sync-error';
import type { EventLink } from './event-link';
import type { EventPlan, EventRecordPlan } from './event-plan';
import type { EventProjection } from './event-projection';
import type { SavedEventSync, EventSyncStore } from './event-sync-store';
import type { EventWrite, OutlookEventCalendar } from './outlook-event-calendar';

export interface EventItemFailure {
  erpId: string;
  side: 'erp' | 'outlook';
  code: SyncErrorCode | ErpErrorCode;
  message: string;
}

export interface EventApplyResult {
  applied: { outlookCreated: number; outlookUpdated: number; outlookRemoved: number; erpCreated: number; erpUpdated: number };
  failures: EventItemFailure[];
  /** A failure that stops the run (auth, throttling budget spent, ERP down); what succeeded before it is saved. */
  runFailure?: EventItemFailure;
}

export interface EventApplyPorts {
  calendar: OutlookEventCalendar;
  erp: ErpActionSource;
  store: EventSyncStore;
  projection: EventProjection;
  /** Names the tag of actions made from Outlook events. */
  environment: string;
  /** Dates the links those get. */
  now: string;
  /** Called once per record whose writes are done (or failed). */
  onRecordFinished?: () => Promise<void>;
}

const failureOf = (erpId: string, side: EventItemFailure['side'], error: unknown): EventItemFailure => {
  if (error instanceof ErpError || error instanceof SyncError) return { erpId, side, code: error.code, message: error.message };
  throw error;
};

/**
 * The one applier of an event plan: conflicts are saved before any write; then the ERP writes, one
 * by one, and the actions made from the user's tagged events; then every Outlook write together; then, in one store transaction, the links (with the
 * version and change key the writes answered) and the cursors. `cursors` are saved only when every
 * record went through, so a record that failed is read again from the same changes next run.
 */
export async function applyEventPlan(plan: EventPlan, ports: EventApplyPorts, cursors: SavedEventSync, previous: SavedEventSync): Promise<EventApplyResult> {
  const { environment, now } = ports;
  const result: EventApplyResult = { applied: { outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpCreated: 0, erpUpdated: 0 }, failures: [] };
  const failed = new Set<string>();
  const links = new Map<string, EventLink>();
  const fail = (failure: EventItemFailure) => {
    failed.add(failure.erpId);
    if (isRunLevelFailure(failure.code)) result.runFailure ??= failure;
    else result.failures.push(failure);
  };

  const conflicts = plan.records.flatMap((record) => record.conflicts);
  if (conflicts.length) await ports.store.transaction(async (tx) => { for (const conflict of conflicts) await tx.addConflict(conflict); });

  for (const record of plan.records) {
    if (record.link?.kind === 'save') links.set(record.erpId, record.link.link);
    if (!record.erpWrite) continue;
    if (result.runFailure) {
      failed.add(record.erpId);
      continue;
    }
    try {
      const written = await ports.erp.updateActionFields(record.erpId, record.erpWrite.changes, record.erpWrite.version);
      const link = links.get(record.erpId);
      if (link) links.set(record.erpId, { ...link, snapshot: { ...link.snapshot, erpVersion: written.version } });
      result.applied.erpUpdated += 1;
    } catch (error) {
      fail(failureOf(record.erpId, 'erp', error));
    }
  }

  // Actions made from the user's own events: each then gets our tag with the other writes, and its link.
  const madeFromOutlook = new Map<string, { erpId: string; record: EventRecordPlan }>();
  for (const create of plan.erpCreates) {
    if (result.runFailure) break;
    try {
      const action = await ports.erp.createAction(create.input, create.sourceKey);
      const fields = ports.projection.fieldsOf(action);
      const link: EventLink = { erpId: action.id, outlookId: create.outlookId, state: 'active', snapshot: { fields, changeKey: create.changeKey, erpVersion: action.version }, missedListings: 0, updatedAt: now };
      links.set(action.id, link);
      madeFromOutlook.set(create.outlookId, { erpId: action.id, record: { erpId: action.id, conflicts: [], outlookWrite: { kind: 'tag', outlookId: create.outlookId, changeKey: create.changeKey, tag: `${environment}:${action.id}` }, link: { kind: 'save', link } } });
      result.applied.erpCreated += 1;
    } catch (error) {
      fail(failureOf(`outlook:${create.outlookId}`, 'erp', error));
    }
  }
  const records = [...plan.records, ...[...madeFromOutlook.values()].map(({ record }) => record)];

  const sent: { record: EventRecordPlan; write: EventWrite; duplicate: boolean }[] = [];
  for (const record of records) {
    if (failed.has(record.erpId)) continue;
    // A run stopped by a run-level failure leaves the records it did not write as they were.
    if (result.runFailure && record.outlookWrite) failed.add(record.erpId);
    if (result.runFailure) continue;
    if (record.outlookWrite) sent.push({ record, write: record.outlookWrite, duplicate: false });
    for (const outlookId of record.removeDuplicates ?? []) sent.push({ record, write: { kind: 'remove', outlookId }, duplicate: true });
  }
  const answers = sent.length ? await ports.calendar.write(sent.map(({ write }) => write)) : [];
  answers.forEach((answer, index) => {
    const entry = sent[index];
    if (!entry) return;
    const { record, write, duplicate } = entry;
    if (!answer.ok) return fail(failureOf(record.erpId, 'outlook', answer.error));
    if (write.kind === 'remove') result.applied.outlookRemoved += 1;
    else if (write.kind === 'create') result.applied.outlookCreated += 1;
    else result.applied.outlookUpdated += 1;
    const link = links.get(record.erpId);
    if (duplicate || !link || write.kind === 'remove') return;
    links.set(record.erpId, { ...link, outlookId: answer.id ?? link.outlookId, snapshot: { ...link.snapshot, changeKey: answer.changeKey ?? link.snapshot.changeKey } });
  });

  await ports.store.transaction(async (tx) => {
    for (const record of records) {
      if (failed.has(record.erpId) || !record.link) continue;
      const link = links.get(record.erpId);
      if (record.link.kind === 'remove') await tx.removeLink(record.erpId);
      else if (link && link.outlookId !== '') await tx.saveLink(link);
    }
    await tx.saveCursors(failed.size === 0 && !result.runFailure ? cursors : previous);
  });
  for (let index = 0; index < plan.records.length; index += 1) await ports.onRecordFinished?.();
  return result;
}
