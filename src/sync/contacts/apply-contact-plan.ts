import { ErpError } from '../../domain/erp-port';
import type { ContactLinkStore } from './contact-link-store';
import type { ContactSyncTransaction } from './contact-sync-store';
import type { ContactOperation } from './contact-operation';
import type { ContactItemFailure } from './contact-run-report';
import type { ErpContactSource } from './erp-contact-source';
import { isRunLevelFailure } from '../is-run-level-failure';
import type { RunFailure } from '../run-state';
import { SyncError } from '../sync-error';
import type { ErpWriteIntents } from './erp-write-intents';
import type { OutlookContactFolder, OutlookWrite, OutlookWriteAnswer } from './outlook-contact-folder';
import { pendingCreateId } from './resolve-pending-creates';

/** What the applier writes to the store, in one transaction at a time. */
export type ApplyTransaction = Pick<ContactSyncTransaction, 'links' | 'saveErpWriteIntents'>;

export interface ApplyContactPlanDeps {
  folder: Pick<OutlookContactFolder, 'write'>;
  erp: Pick<ErpContactSource, 'updateContactFields'>;
  /** The store's transactions (the run's own, or `ContactSyncStore`). */
  store: { transaction(work: (tx: ApplyTransaction) => Promise<void>): Promise<void> };
  /** Called after each `$batch` round with the operations finished so far (applied, failed or skipped). */
  onProgress(done: number): Promise<void>;
  /** Graph writes per `$batch` (Graph takes at most 20). */
  batchSize?: number;
}

export interface AppliedContactPlan {
  applied: number;
  skipped: number;
  failures: ContactItemFailure[];
  /** The failure that stopped the run (auth, throttling budget spent, ERP down). */
  stoppedBy?: RunFailure;
  /** Outlook items as this run's writes left them: their change key, or null once removed. */
  outlookWrites: Map<string, string | null>;
  /** ERP records as this run's writes left them: their version. */
  erpWrites: Map<string, number>;
}

/** The operations of one ERP id, run in plan order. */
interface Track {
  operations: ContactOperation[];
  next: number;
}

type StoreWork = (links: ContactLinkStore) => Promise<void>;

function writesOf(operation: ContactOperation): OutlookWrite[] | undefined {
  switch (operation.kind) {
    case 'deduplicate':
      return operation.remove.map(({ outlookId, changeKey }) => ({ kind: 'remove', outlookId, changeKey }));
    case 'createInOutlook':
      return [{ kind: 'create', fields: operation.fields, tag: operation.tag }];
    case 'updateInOutlook':
      return [{ kind: 'update', outlookId: operation.outlookId, changeKey: operation.changeKey, changes: operation.changes }];
    case 'removeFromOutlook':
      return [{ kind: 'remove', outlookId: operation.outlookId, changeKey: operation.changeKey }];
    case 'adopt':
    case 'updateInErp':
    case 'suppress':
    case 'conflict':
    case 'saveLink':
    case 'unlink':
      return undefined;
  }
}

function storeWorkOf(operation: ContactOperation): StoreWork | undefined {
  switch (operation.kind) {
    case 'adopt':
    case 'suppress':
    case 'saveLink':
      return (links) => links.saveLink(operation.link);
    case 'conflict':
      return (links) => links.addConflict(operation.conflict);
    case 'unlink':
      return (links) => links.removeLink(operation.erpId);
    case 'deduplicate':
    case 'createInOutlook':
    case 'updateInOutlook':
    case 'removeFromOutlook':
    case 'updateInErp':
      return undefined;
  }
}

function groupByErpId(operations: readonly ContactOperation[]): Track[] {
  const tracks: Track[] = [];
  for (const operation of operations) {
    const last = tracks.at(-1);
    if (last?.operations[0]?.erpId === operation.erpId) last.operations.push(operation);
    else tracks.push({ operations: [operation], next: 0 });
  }
  return tracks;
}

/**
 * Applies a plan the engine's way, with Graph writes in `$batch`es: each ERP id's operations run in
 * plan order and its first failure skips the rest of them (its link keeps the old snapshot); ERP
 * ids are independent, so the next write of up to 20 of them goes in one batch. Link writes of a
 * round are saved in one transaction before the next batch leaves, and a create's link is saved
 * (pending) before the create leaves. A failure `isRunLevelFailure`
 * names stops everything; other failures are data.
 */
export async function applyContactPlan(operations: readonly ContactOperation[], deps: ApplyContactPlanDeps): Promise<AppliedContactPlan> {
  const batchSize = deps.batchSize ?? 20;
  const tracks = groupByErpId(operations);
  const result: AppliedContactPlan = { applied: 0, skipped: 0, failures: [], outlookWrites: new Map(), erpWrites: new Map() };
  const storeWork: StoreWork[] = [];
  // ERP writes whose record's link is not saved yet; see `ErpWriteIntents`.
  const intents: ErpWriteIntents = {};
  let intentsChanged = false;
  const ready: Track[] = [];
  let nextTrack = 0;

  const finish = (track: Track) => {
    result.applied += 1;
    track.next += 1;
  };
  const fail = (track: Track, operation: ContactOperation, error: unknown) => {
    if (!(error instanceof SyncError || error instanceof ErpError)) throw error;
    result.failures.push({ erpId: operation.erpId, operation: operation.kind, code: error.code, message: error.message });
    result.skipped += track.operations.length - track.next - 1;
    track.next = track.operations.length;
    if (isRunLevelFailure(error.code)) {
      result.stoppedBy ??= { code: error.code, message: error.message, ...(error instanceof SyncError && error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
    }
  };

  /** Runs a track's store and ERP steps up to its next Graph write, which it returns. */
  const advance = async (track: Track): Promise<OutlookWrite[] | undefined> => {
    for (let operation = track.operations[track.next]; operation !== undefined; operation = track.operations[track.next]) {
      const writes = writesOf(operation);
      if (writes) return writes;
      const work = storeWorkOf(operation);
      if (work) {
        storeWork.push(work);
        if (operation.kind === 'saveLink' && intents[operation.erpId]) {
          delete intents[operation.erpId];
          intentsChanged = true;
        }
      } else if (operation.kind === 'updateInErp') {
        const savedLink = track.operations.find((candidate) => candidate.kind === 'saveLink');
        const outlookWrite = track.operations.find((candidate) => candidate.kind === 'updateInOutlook');
        if (savedLink?.kind === 'saveLink') {
          const outlookChangeKey = outlookWrite?.kind === 'updateInOutlook' ? { outlookChangeKey: outlookWrite.changeKey } : {};
          intents[operation.erpId] = { written: Object.keys(operation.changes), snapshot: savedLink.link.snapshot, ...outlookChangeKey };
          intentsChanged = true;
        }
        // The write intent and the record's conflicts are saved before the ERP changes.
        await flush();
        try {
          const updated = await deps.erp.updateContactFields(operation.erpId, operation.changes, operation.version);
          result.erpWrites.set(updated.id, updated.version);
        } catch (error) {
          fail(track, operation, error);
          return undefined;
        }
      }
      finish(track);
    }
    return undefined;
  };

  const settle = (track: Track, operation: ContactOperation, answers: readonly OutlookWriteAnswer[]) => {
    const failed = answers.find((answer) => !answer.ok);
    if (failed && !failed.ok) {
      // A create refused for sure leaves no copy: its pending link goes. One whose answer was lost keeps it for the next listing.
      if (operation.kind === 'createInOutlook' && !failed.error.outcomeUnknown) storeWork.push((links) => links.removeLink(operation.erpId));
      return fail(track, operation, failed.error);
    }
    const [first] = answers;
    switch (operation.kind) {
      case 'createInOutlook': {
        const id = first?.ok ? first.id : undefined;
        if (id === undefined) return fail(track, operation, new SyncError('unavailable', 'Graph created the contact but sent no id'));
        result.outlookWrites.set(id, (first?.ok && first.changeKey) || '');
        storeWork.push((links) => links.saveLink({ ...operation.link, outlookId: id }));
        break;
      }
      case 'updateInOutlook':
        result.outlookWrites.set(operation.outlookId, (first?.ok && first.changeKey) || '');
        break;
      case 'removeFromOutlook':
        result.outlookWrites.set(operation.outlookId, null);
        storeWork.push((links) => links.removeLink(operation.erpId));
        break;
      case 'deduplicate':
        for (const { outlookId } of operation.remove) result.outlookWrites.set(outlookId, null);
        break;
      default:
        break;
    }
    finish(track);
    ready.push(track);
  };

  const flush = async () => {
    if (storeWork.length === 0 && !intentsChanged) return;
    const work = storeWork.splice(0);
    const saveIntents = intentsChanged;
    intentsChanged = false;
    // A record's link and the end of its ERP write intent are saved together.
    await deps.store.transaction(async (tx) => {
      for (const step of work) await step(tx.links);
      if (saveIntents) await tx.saveErpWriteIntents(intents);
    });
  };

  while (result.stoppedBy === undefined) {
    const round: { track: Track; from: number; count: number }[] = [];
    const writes: OutlookWrite[] = [];
    while (writes.length < batchSize && result.stoppedBy === undefined) {
      const track = ready.shift() ?? tracks[nextTrack++];
      if (track === undefined) break;
      const trackWrites = await advance(track);
      if (trackWrites === undefined) continue;
      round.push({ track, from: writes.length, count: trackWrites.length });
      writes.push(...trackWrites);
    }
    if (writes.length === 0 || result.stoppedBy !== undefined) {
      ready.push(...round.map(({ track }) => track));
      break;
    }
    // Written ahead of the creates: if this process dies before their answers, the next run finds the copies through these links.
    for (const { track } of round) {
      const operation = track.operations[track.next];
      if (operation?.kind === 'createInOutlook') storeWork.push((links) => links.saveLink({ ...operation.link, outlookId: pendingCreateId }));
    }
    await flush();
    let answers: OutlookWriteAnswer[];
    try {
      answers = await deps.folder.write(writes);
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      if (isRunLevelFailure(error.code)) {
        result.stoppedBy = { code: error.code, message: error.message, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) };
        ready.push(...round.map(({ track }) => track));
        break;
      }
      // The batch as a whole got no answer (reset, 504): each of its writes failed; a create that ran is adopted next run.
      answers = writes.map(() => ({ ok: false, error }));
    }
    for (const { track, from, count } of round) {
      const operation = track.operations[track.next];
      if (operation) settle(track, operation, answers.slice(from, from + count));
    }
    await flush();
    await deps.onProgress(result.applied + result.failures.length + result.skipped);
  }
  await flush();
  // Stopped: what was not tried is skipped.
  for (const track of [...ready, ...tracks.slice(nextTrack)]) {
    result.skipped += track.operations.length - track.next;
    track.next = track.operations.length;
  }
  await deps.onProgress(result.applied + result.failures.length + result.skipped);
  return result;
}
