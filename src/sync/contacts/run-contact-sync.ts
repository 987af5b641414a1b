import type { ConflictPolicy, FolderChangeMode, SyncDirection } from '../../domain/sync-settings';
import { advanceRun } from '../advance-run';
import type { RunEvent, RunFailure, RunState } from '../run-state';
import { startRun } from '../start-run';
import { toRunFailure } from '../to-run-failure';
import { SyncError } from '../sync-error';
import { applyContactPlan, type AppliedContactPlan, type ApplyTransaction } from './apply-contact-plan';
import { changeContactFolder, type FolderChangeReport } from './change-contact-folder';
import type { ContactLink } from './contact-link';
import type { ContactLinkStore } from './contact-link-store';
import type { ContactPlan } from './contact-plan';
import type { ContactItemFailure, ContactRunReport } from './contact-run-report';
import type { ContactSyncState, ContactSyncStore } from './contact-sync-store';
import { createInStepFilter, listedInStepIds } from './create-in-step-filter';
import { createSortedLookup } from './create-sorted-lookup';
import { emptyPlanCounters } from './empty-plan-counters';
import type { ErpContactSource } from './erp-contact-source';
import { fingerprintContactSync } from './fingerprint-contact-sync';
import { hasForeignErpChanges } from './has-foreign-erp-changes';
import { hasForeignOutlookChanges } from './has-foreign-outlook-changes';
import { listFolderContacts } from './list-folder-contacts';
import type { KeyedContactLink, ListedContactLink } from './listed-contact';
import type { FolderDeltaRound, OutlookContactFolder } from './outlook-contact-folder';
import { planContactChanges } from './plan-contact-changes';
import { isKeyedLink, type LinkState, readContactLinks } from './read-contact-links';
import { readErpContactFeed } from './read-erp-contact-feed';
import { pendingCreateId, resolvePendingCreates } from './resolve-pending-creates';
import { settleErpWriteIntents } from './settle-erp-write-intents';

/** One mailbox's contact sync as its settings say. */
export interface ContactSyncSettings {
  environment: string;
  folderId: string;
  direction: Exclude<SyncDirection, 'off'>;
  policy: ConflictPolicy;
  /** What to do with the contacts synced into another folder, when the folder changed since the last run. */
  folderChange: FolderChangeMode;
}

export interface RunContactSyncDeps {
  store: ContactSyncStore;
  folder: OutlookContactFolder;
  /** Another folder of the mailbox: the one a change of folder leaves. */
  folderFor(folderId: string): OutlookContactFolder;
  erp: ErpContactSource;
  /** The run's only clock. */
  now: () => Date;
  newId: () => string;
  /** Both sides are listed in full at least this often, changes reported or not. */
  fullListingEveryMs: number;
  /** Each new state of the run, for its run record. */
  onState(state: RunState): Promise<void>;
}

export interface RunContactSyncOptions {
  /** ERP ids whose removal the user confirmed after the last run held them. */
  confirmedRemovals: readonly string[];
  /** ERP ids whose removal the last run held and the user has not confirmed: they stay held. */
  heldRemovals?: readonly string[];
}

/** The report keeps this many item failures; `failedOperations` counts them all. */
const reportedFailures = 100;

/**
 * One contact sync run of one mailbox (DESIGN §5): reads the ERP change feed and the folder's
 * delta; when neither reports a change and the store holds nothing new, stops there (one Graph
 * request). Otherwise lists both sides in full, plans, applies the plan through batched writes, and
 * saves the cursors past its own writes in the transaction that ends it. Run-level failures end the
 * run `failed` with its cursors untouched, so the next run sees the same changes again. The links
 * are read once; what the run writes of them it keeps in step in memory.
 */
export async function runContactSync(settings: ContactSyncSettings, options: RunContactSyncOptions, deps: RunContactSyncDeps): Promise<{ state: RunState; report: ContactRunReport }> {
  const { store, folder, erp } = deps;
  const at = () => deps.now().toISOString();
  const startedAt = at();
  let state = startRun(startedAt);
  const advance = async (event: RunEvent) => {
    state = advanceRun(state, event);
    await deps.onState(state);
  };
  let plan: ContactPlan | undefined;
  let applied: AppliedContactPlan | undefined;
  let quiet = false;
  let resynced = false;
  let folderChange: FolderChangeReport | undefined;
  // A value the ERP refuses is an item failure of the ERP write: its field, value and reason go to the report.
  const refusals = (): ContactItemFailure[] =>
    (plan?.refusedFields ?? []).map(({ erpId, field, value, reason }) => ({ erpId, operation: 'updateInErp', code: 'invalid_input', message: reason, field, value }));
  const report = (): ContactRunReport => ({
    outcome: state.stage === 'done' ? 'succeeded' : state.stage === 'waiting_confirmation' ? 'waiting_confirmation' : 'failed',
    startedAt,
    finishedAt: at(),
    planned: plan?.counters ?? emptyPlanCounters(),
    applied: applied?.applied ?? 0,
    failures: [...(folderChange?.failures ?? []), ...refusals(), ...(applied?.failures ?? [])].slice(0, reportedFailures),
    failedOperations: refusals().length + (applied?.failures.length ?? 0) + (folderChange?.failures.length ?? 0),
    skipped: applied?.skipped ?? plan?.operations.length ?? 0,
    heldRemovals: plan?.heldRemovals.map((removal) => removal.erpId) ?? [],
    ...(state.failure ? { failure: state.failure } : {}),
    quiet,
    resynced,
    ...(folderChange ? { folderChange: { mode: folderChange.mode, moved: folderChange.moved, left: folderChange.left, missing: folderChange.missing } } : {}),
  });

  try {
    let saved = await store.readSaved();
    if (saved.folderChange !== undefined || (saved.state !== undefined && saved.state.folderId !== settings.folderId)) {
      const settled = await settleFolderChange(settings, options, deps);
      folderChange = settled.changed;
      const [failed] = folderChange?.failures ?? [];
      const failure = settled.failure ?? (failed && { code: failed.code, message: `some contacts could not be moved to the new folder yet (${folderChange?.failures.length}): ${failed.message}` });
      if (failure) {
        await advance({ type: 'failed', at: at(), failure });
        return { state, report: report() };
      }
      saved = await store.readSaved();
    }
    const intents = saved.erpWriteIntents;
    const deltaLink = saved.outlookDelta;

    // Change detection: the feed first, so a change made while the folder is read shows next time.
    const feed = await readErpContactFeed(erp, saved.erpFeed);
    let round: FolderDeltaRound;
    try {
      round = await folder.readChanges(deltaLink);
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'cursor_expired' && deltaLink !== undefined)) throw error;
      // 410: a full round gives a new link; the full listing below adopts our tagged items, so nothing is created twice.
      resynced = true;
      round = await folder.readChanges(undefined);
    }
    const incremental = deltaLink !== undefined && !resynced;
    const conflicts = await store.listConflicts();
    const settingsKey = `${settings.folderId}\n${settings.direction}\n${settings.policy}`;
    const isUnsettled = (link: LinkState) => link.outlookId === pendingCreateId || intents[link.erpId] !== undefined;
    const mayBeQuiet = isQuietCandidate(saved.state, {
      incremental,
      outlookChanged: round.changed.size > 0 || round.removed.size > 0,
      erpChanged: feed.versions.size > 0 || feed.deletedIds.length > 0,
      unsettled: Object.keys(intents).length > 0,
      confirmations: options.confirmedRemovals.length > 0,
      fullListingDue: saved.state === undefined || Date.parse(saved.state.listedAt) + deps.fullListingEveryMs <= deps.now().getTime(),
    });

    // One pass over the links. A run that may stay quiet reads only their states, for the fingerprint;
    // in the rare case the store changed under it since the last run, it reads them again, keyed.
    let links = await readContactLinks(store, !mayBeQuiet, isUnsettled);
    if (mayBeQuiet) {
      const linkStates = [...links.byErpId.values()];
      quiet = saved.state?.fingerprint === fingerprintContactSync(settingsKey, linkStates, conflicts) && !linkStates.some((link) => link.missedListings > 0 || isUnsettled(link));
      if (quiet) {
        await advance({ type: 'erp-listed', at: at() });
        await advance({ type: 'outlook-listed', at: at() });
        await advance({ type: 'planned', at: at(), total: 0, needsConfirmation: false });
        await advance({ type: 'applied', at: at() });
        // The round's new link is as good as the old one and younger, so less likely to be evicted.
        await store.transaction((tx) => tx.saveOutlookDelta(round.deltaLink));
        await advance({ type: 'saved', at: at() });
        return { state, report: report() };
      }
      links = await readContactLinks(store, true, isUnsettled);
    }
    const { byErpId } = links;
    let unsettledLinks = links.unsettled;

    // The listings held whole would not fit the memory target: both shrink the records and items in
    // step with their link as their pages arrive. Links a crashed run left unsettled stay whole.
    const keyedLinks: KeyedContactLink[] = [];
    for (const link of byErpId.values()) if (isKeyedLink(link)) keyedLinks.push(link);
    const filter = createInStepFilter(keyedLinks, settings.environment);
    keyedLinks.length = 0;

    const erpContacts = await erp.listContactsInScope((contact) => filter.erp(contact));
    await advance({ type: 'erp-listed', at: at() });
    const isKnownGone = (outlookId: string) => (incremental ? round.removed.has(outlookId) : !round.changed.has(outlookId));
    const outlookContacts = await listFolderContacts(folder, byErpId.values(), isKnownGone, (contact) => filter.outlook(contact));
    const pending = resolvePendingCreates(unsettledLinks, outlookContacts, settings.environment);
    if (pending.resolved.length || pending.dropped.length) {
      await store.transaction(async (tx) => {
        for (const link of pending.resolved) await tx.links.saveLink(link);
        for (const erpId of pending.dropped) await tx.links.removeLink(erpId);
      });
      for (const link of pending.resolved) byErpId.set(link.erpId, link);
      for (const erpId of pending.dropped) byErpId.delete(erpId);
      unsettledLinks = pending.links;
    }
    if (Object.keys(intents).length) {
      const settled = settleErpWriteIntents(unsettledLinks, intents, erpContacts, outlookContacts, settings.environment);
      await store.transaction(async (tx) => {
        for (const link of settled.adjusted) await tx.links.saveLink(link);
        await tx.saveErpWriteIntents({});
      });
      unsettledLinks = settled.links;
    }
    await advance({ type: 'outlook-listed', at: at() });

    // Planning: keyed links for the records listed in step on both sides, whole ones for the others.
    const inStep = listedInStepIds(erpContacts, outlookContacts);
    const whole = new Map<string, ContactLink>(unsettledLinks.map((link) => [link.erpId, link]));
    const toRead = [...byErpId.keys()].filter((erpId) => !inStep.has(erpId) && !whole.has(erpId));
    for (const link of await store.readLinks(toRead)) whole.set(link.erpId, link);
    const planLinks: ListedContactLink[] = [];
    for (const [erpId, link] of byErpId) {
      const planned = whole.get(erpId) ?? (isKeyedLink(link) ? link : undefined);
      if (planned) planLinks.push(planned);
    }
    whole.clear();
    plan = planContactChanges({
      environment: settings.environment,
      erpContacts,
      erpTombstones: feed.deletedIds,
      outlookContacts,
      links: planLinks,
      conflicts,
      settings: { direction: settings.direction, policy: settings.policy },
      confirmedRemovals: options.confirmedRemovals,
      heldRemovals: options.heldRemovals ?? [],
      now: startedAt,
      newId: deps.newId,
    });
    planLinks.length = 0;
    await advance({ type: 'planned', at: at(), total: plan.operations.length, needsConfirmation: plan.needsConfirmation });

    applied = await applyContactPlan(plan.operations, {
      folder,
      erp,
      store: { transaction: (work) => store.transaction((tx) => work(trackingLinks(tx, byErpId))) },
      onProgress: async (done) => {
        const finishedAt = at();
        while (state.done < Math.min(done, state.total)) state = advanceRun(state, { type: 'operation-finished', at: finishedAt });
        await deps.onState(state);
      },
    });
    if (applied.stoppedBy) {
      await advance({ type: 'failed', at: at(), failure: applied.stoppedBy });
      return { state, report: report() };
    }
    await advance({ type: 'applied', at: at() });

    // Past our own writes: the next run starts after them only when they are all the rounds hold.
    // Looked up, not copied: a map of 100,000 listed items would be the run's last peak of memory.
    const listedItems = createSortedLookup(outlookContacts, (contact) => contact.id);
    const outlookWrites = applied.outlookWrites;
    const knownOutlook = (id: string) => (outlookWrites.has(id) ? outlookWrites.get(id) : listedItems.get(id)?.changeKey);
    let nextDeltaLink: string | undefined = round.deltaLink;
    try {
      const after = await folder.readChanges(round.deltaLink);
      if (!hasForeignOutlookChanges(after, knownOutlook)) nextDeltaLink = after.deltaLink;
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'cursor_expired')) throw error;
      nextDeltaLink = undefined;
    }
    const listedRecords = createSortedLookup(erpContacts, (contact) => contact.id);
    const erpWrites = applied.erpWrites;
    const knownErp = (id: string) => erpWrites.get(id) ?? listedRecords.get(id)?.version;
    const feedAfter = await readErpContactFeed(erp, feed.endCursor);
    // Held removals and failed items need the same tombstones next time: the feed then starts where this run did.
    const unfinished = applied.failures.length > 0 || plan.needsConfirmation;
    const nextErpCursor = unfinished ? saved.erpFeed : hasForeignErpChanges(feedAfter, knownErp) ? feed.endCursor : feedAfter.endCursor;

    const conflictsAfter = await store.listConflicts();
    const next: ContactSyncState = { folderId: settings.folderId, fingerprint: fingerprintContactSync(settingsKey, byErpId.values(), conflictsAfter), pending: unfinished, listedAt: startedAt };
    await store.transaction((tx) => tx.saveRunEnd({ erpFeed: nextErpCursor, outlookDelta: nextDeltaLink, state: next }));
    await advance({ type: 'saved', at: at() });
    return { state, report: report() };
  } catch (error) {
    if (state.stage === 'done' || state.stage === 'failed' || state.stage === 'waiting_confirmation') throw error;
    state = advanceRun(state, { type: 'failed', at: at(), failure: toRunFailure(error) });
    await deps.onState(state).catch(() => undefined);
    return { state, report: report() };
  }
}

/** The applier's transaction, with every link it saves or removes mirrored into the run's link states. */
function trackingLinks(tx: ApplyTransaction, byErpId: Map<string, LinkState>): ApplyTransaction {
  const links: ContactLinkStore = {
    async saveLink(link) {
      await tx.links.saveLink(link);
      const { erpId, outlookId, state, missedListings, updatedAt } = link;
      byErpId.set(erpId, { erpId, outlookId, state, missedListings, updatedAt });
    },
    async removeLink(erpId) {
      await tx.links.removeLink(erpId);
      byErpId.delete(erpId);
    },
    listLinks: () => tx.links.listLinks(),
    listConflicts: () => tx.links.listConflicts(),
    addConflict: (conflict) => tx.links.addConflict(conflict),
  };
  return { links, saveErpWriteIntents: (intents) => tx.saveErpWriteIntents(intents) };
}

interface ChangeSignals {
  incremental: boolean;
  outlookChanged: boolean;
  erpChanged: boolean;
  unsettled: boolean;
  confirmations: boolean;
  fullListingDue: boolean;
}

/** A run may stop after change detection only when nothing anywhere asks for a plan (the links' fingerprint is checked next). */
function isQuietCandidate(saved: ContactSyncState | undefined, signals: ChangeSignals): boolean {
  if (saved === undefined || saved.pending) return false;
  return signals.incremental && !signals.outlookChanged && !signals.erpChanged && !signals.unsettled && !signals.confirmations && !signals.fullListingDue;
}

/**
 * The user chose another folder since the last run. The old folder is synced first, so no edit
 * made there is lost; then its contacts move or stay as the settings say. A change a killed run
 * left under way is finished first (it was synced already).
 */
async function settleFolderChange(settings: ContactSyncSettings, options: RunContactSyncOptions, deps: RunContactSyncDeps): Promise<{ changed?: FolderChangeReport; failure?: RunFailure }> {
  const { store } = deps;
  for (let saved = await store.readSaved(); ; saved = await store.readSaved()) {
    const change = saved.folderChange;
    if (change !== undefined) {
      const changed = await changeContactFolder(change, { store, folder: deps.folderFor(change.toFolderId), environment: settings.environment, now: deps.now });
      if (changed.failures.length > 0 || change.toFolderId === settings.folderId) return { changed };
      continue;
    }
    const current = saved.state?.folderId ?? settings.folderId;
    // A folder that no longer exists has nothing left to sync: its contacts are gone with it.
    const synced = await runContactSync({ ...settings, folderId: current }, options, { ...deps, folder: deps.folderFor(current), onState: async () => {} });
    const failure = synced.report.failure;
    if (failure !== undefined && failure.code !== 'not_found') return { failure: { ...failure, message: `the contact folder you left could not be synced first: ${failure.message}` } };
    await store.transaction((tx) => tx.saveFolderChange({ fromFolderId: current, toFolderId: settings.folderId, mode: settings.folderChange }));
  }
}
