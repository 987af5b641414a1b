import { ErpError } from '../../src/domain/erp-port';
import type { ContactPlan } from '../../src/sync/contacts/contact-plan';
import { createInStepFilter, listedInStepIds, toKeyedContactLink } from '../../src/sync/contacts/create-in-step-filter';
import { createSortedLookup } from '../../src/sync/contacts/create-sorted-lookup';
import type { KeyedContactLink, ListedContactLink } from '../../src/sync/contacts/listed-contact';
import type { ErpContactSource } from '../../src/sync/contacts/erp-contact-source';
import { planContactChanges } from '../../src/sync/contacts/plan-contact-changes';
import { advanceRun } from '../../src/sync/advance-run';
import type { RunEvent, RunFailure, RunState } from '../../src/sync/run-state';
import type { ContactItemFailure } from '../../src/sync/contacts/contact-run-report';
import { startRun } from '../../src/sync/start-run';
import { SyncError } from '../../src/sync/sync-error';
import type { LinkRecord, Store } from '../store/store';
import { StoreError } from '../store/store-error';
import { applyContactPlan, type AppliedContactPlan } from './apply-contact-plan';
import { contactCursors, type ContactSyncState } from './contact-sync-state';
import type { ContactSyncReport } from './contact-sync-service';
import type { ContactSyncTarget } from './contact-sync-target';
import { createStoreContactLinks, toContactLink } from './create-store-contact-links';
import { emptyPlanCounters } from './empty-plan-counters';
import { fingerprintContactSync } from './fingerprint-contact-sync';
import { forEachStoredContactLink } from './for-each-stored-contact-link';
import type { FolderDeltaRound, GraphContactFolder } from './graph-contact-folder';
import { hasForeignErpChanges } from './has-foreign-erp-changes';
import { hasForeignOutlookChanges } from './has-foreign-outlook-changes';
import { listFolderContacts } from './list-folder-contacts';
import { readContactCursors } from './read-contact-cursors';
import { readErpContactFeed } from './read-erp-contact-feed';
import { pendingCreateId, resolvePendingCreates } from './resolve-pending-creates';
import { settleErpWriteIntents } from './settle-erp-write-intents';

export interface RunContactSyncDeps {
  store: Store;
  folder: GraphContactFolder;
  erp: ErpContactSource;
  now: () => Date;
  newId: () => string;
  /** Both sides are listed in full at least this often, changes reported or not. */
  fullListingEveryMs: number;
  /** Each new state of the run, for its `RunRecord`. */
  onState(state: RunState): Promise<void>;
}

export interface RunContactSyncOptions {
  /** ERP ids whose removal the user confirmed after the last run held them. */
  confirmedRemovals: readonly string[];
  /** ERP ids whose removal the last run held and the user has not confirmed: they stay held. */
  heldRemovals?: readonly string[];
}

/** What change detection and the run's fingerprint read of a stored link. */
type StoredLinkState = Pick<LinkRecord, 'erpId' | 'outlookId' | 'state' | 'missedListings' | 'updatedAt'>;

/** The report keeps this many item failures; `failedOperations` counts them all. */
const reportedFailures = 100;

function toRunFailure(error: unknown): RunFailure {
  if (error instanceof SyncError) return { code: error.code, message: error.message, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) };
  if (error instanceof ErpError) return { code: error.code, message: error.message };
  // A store failure or a bug: the run stops and says so; the scheduler retries with backoff.
  const message = error instanceof StoreError ? `the bridge store failed: ${error.message}` : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return { code: 'unavailable', message };
}

/**
 * One contact sync run of one mailbox (DESIGN §5): reads the ERP change feed and the folder's
 * delta; when neither reports a change and the store holds nothing new, stops there (one Graph
 * request). Otherwise lists both sides in full, plans, applies the plan through `$batch`, and saves
 * the cursors past its own writes in the transaction that ends it. Run-level failures end the run
 * `failed` with its cursors untouched, so the next run sees the same changes again.
 */
export async function runContactSync(target: ContactSyncTarget, options: RunContactSyncOptions, deps: RunContactSyncDeps): Promise<{ state: RunState; report: ContactSyncReport }> {
  const { store, folder, erp, user } = { ...deps, user: target.user };
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
  // A value the ERP refuses is an item failure of the ERP write: its field, value and reason go to the report.
  const refusals = (): ContactItemFailure[] =>
    (plan?.refusedFields ?? []).map(({ erpId, field, value, reason }) => ({ erpId, operation: 'updateInErp', code: 'invalid_input', message: reason, field, value }));
  const report = (): ContactSyncReport => ({
    outcome: state.stage === 'done' ? 'succeeded' : state.stage === 'waiting_confirmation' ? 'waiting_confirmation' : 'failed',
    startedAt,
    finishedAt: at(),
    planned: plan?.counters ?? emptyPlanCounters(),
    applied: applied?.applied ?? 0,
    failures: [...refusals(), ...(applied?.failures ?? [])].slice(0, reportedFailures),
    failedOperations: refusals().length + (applied?.failures.length ?? 0),
    skipped: applied?.skipped ?? plan?.operations.length ?? 0,
    heldRemovals: plan?.heldRemovals.map((removal) => removal.erpId) ?? [],
    ...(state.failure ? { failure: state.failure } : {}),
    quiet,
    resynced,
  });

  try {
    const saved = await readContactCursors(store, user);
    if (saved.state !== undefined && saved.state.folderId !== target.folderId) await forgetOtherFolder(store, target);
    const sameFolder = saved.state?.folderId === target.folderId;
    const erpCursor = sameFolder ? saved.erpFeed : undefined;
    const intents = sameFolder ? saved.erpWriteIntents : {};
    const deltaLink = sameFolder ? saved.outlookDelta : undefined;

    // Change detection: the feed first, so a change made while the folder is read shows next time.
    const feed = await readErpContactFeed(erp, erpCursor);
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

    // Only what change detection reads: 100,000 links with their snapshots are not held at once (DESIGN §8).
    const storedLinks: StoredLinkState[] = [];
    await forEachStoredContactLink(store, user, ({ erpId, outlookId, state, missedListings, updatedAt }) => storedLinks.push({ erpId, outlookId, state, missedListings, updatedAt }));
    const conflicts = await createStoreContactLinks(store, user).listConflicts();
    const settingsKey = `${target.folderId}\n${target.direction}\n${target.policy}`;
    quiet = isQuiet(saved.state, {
      incremental,
      outlookChanged: round.changed.size > 0 || round.removed.size > 0,
      erpChanged: feed.versions.size > 0 || feed.deletedIds.length > 0,
      fingerprint: fingerprintContactSync(settingsKey, storedLinks, conflicts),
      linksUnsettled: Object.keys(intents).length > 0 || storedLinks.some((link) => link.missedListings > 0 || link.outlookId === pendingCreateId),
      confirmations: options.confirmedRemovals.length > 0,
      fullListingDue: saved.state === undefined || Date.parse(saved.state.listedAt) + deps.fullListingEveryMs <= deps.now().getTime(),
    });
    if (quiet) {
      await advance({ type: 'erp-listed', at: at() });
      await advance({ type: 'outlook-listed', at: at() });
      await advance({ type: 'planned', at: at(), total: 0, needsConfirmation: false });
      await advance({ type: 'applied', at: at() });
      // The round's new link is as good as the old one and younger, so less likely to be evicted.
      await store.transaction((tx) => tx.cursors.put({ user, collection: contactCursors.outlookDelta, value: round.deltaLink, updatedAt: startedAt }));
      await advance({ type: 'saved', at: at() });
      return { state, report: report() };
    }

    // The three listings held whole would not fit the memory target either: the links are kept keyed,
    // without their snapshot, and both listings shrink the records and items in step with their link
    // as their pages arrive. Links a crashed run left unsettled stay whole.
    storedLinks.length = 0;
    const isUnsettled = (link: LinkRecord) => link.outlookId === pendingCreateId || intents[link.erpId] !== undefined;
    const keyedLinks: KeyedContactLink[] = [];
    let unsettledLinks: LinkRecord[] = [];
    await forEachStoredContactLink(store, user, (record) => {
      keyedLinks.push(toKeyedContactLink(toContactLink(record)));
      if (isUnsettled(record)) unsettledLinks.push(record);
    });
    const unsettledIds = new Set(unsettledLinks.map((link) => link.erpId));
    const filter = createInStepFilter(keyedLinks.filter((link) => !unsettledIds.has(link.erpId)), target.environment);

    const erpContacts = await erp.listContactsInScope((contact) => filter.erp(contact));
    await advance({ type: 'erp-listed', at: at() });
    const isKnownGone = (outlookId: string) => (incremental ? round.removed.has(outlookId) : !round.changed.has(outlookId));
    const outlookContacts = await listFolderContacts(folder, keyedLinks, isKnownGone, (contact) => filter.outlook(contact));
    const pending = resolvePendingCreates(unsettledLinks, outlookContacts, target.environment);
    if (pending.resolved.length || pending.dropped.length) {
      await store.transaction(async (tx) => {
        for (const link of pending.resolved) await tx.links.upsert(link);
        for (const erpId of pending.dropped) await tx.links.remove(user, 'contact', erpId);
      });
      unsettledLinks = pending.links;
    }
    if (Object.keys(intents).length) {
      const settled = settleErpWriteIntents(unsettledLinks, intents, erpContacts, target.environment);
      await store.transaction(async (tx) => {
        for (const link of settled.adjusted) await tx.links.upsert(link);
        await tx.cursors.remove(user, contactCursors.erpWriteIntents);
      });
    }
    await advance({ type: 'outlook-listed', at: at() });

    // The snapshots again, as settled above, for the records that need planning; the others plan from keys.
    const inStep = listedInStepIds(erpContacts, outlookContacts);
    const keyedInStep = createSortedLookup(keyedLinks, (link) => link.erpId);
    const links: ListedContactLink[] = [];
    await forEachStoredContactLink(store, user, (record) => links.push((inStep.has(record.erpId) ? keyedInStep.get(record.erpId) : undefined) ?? toContactLink(record)));
    keyedLinks.length = 0;
    plan = planContactChanges({
      environment: target.environment,
      erpContacts,
      erpTombstones: feed.deletedIds,
      outlookContacts,
      links,
      conflicts,
      settings: { direction: target.direction, policy: target.policy },
      confirmedRemovals: options.confirmedRemovals,
      heldRemovals: options.heldRemovals ?? [],
      now: startedAt,
      newId: deps.newId,
    });
    await advance({ type: 'planned', at: at(), total: plan.operations.length, needsConfirmation: plan.needsConfirmation });

    applied = await applyContactPlan(plan.operations, {
      folder,
      erp,
      inTransaction: (work) =>
        store.transaction((tx) =>
          work({
            links: createStoreContactLinks(tx, user),
            saveErpWriteIntents: async (intents) => {
              if (Object.keys(intents).length) await tx.cursors.put({ user, collection: contactCursors.erpWriteIntents, value: JSON.stringify(intents), updatedAt: at() });
              else await tx.cursors.remove(user, contactCursors.erpWriteIntents);
            },
          }),
        ),
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
    const knownOutlook = new Map<string, string | null>(outlookContacts.map((contact) => [contact.id, contact.changeKey]));
    for (const [id, changeKey] of applied.outlookWrites) knownOutlook.set(id, changeKey);
    let nextDeltaLink: string | undefined = round.deltaLink;
    try {
      const after = await folder.readChanges(round.deltaLink);
      if (!hasForeignOutlookChanges(after, knownOutlook)) nextDeltaLink = after.deltaLink;
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'cursor_expired')) throw error;
      nextDeltaLink = undefined;
    }
    const knownErp = new Map(erpContacts.map((contact) => [contact.id, contact.version]));
    for (const [id, version] of applied.erpWrites) knownErp.set(id, version);
    const feedAfter = await readErpContactFeed(erp, feed.endCursor);
    // Held removals and failed items need the same tombstones next time: the feed then starts where this run did.
    const unfinished = applied.failures.length > 0 || plan.needsConfirmation;
    const nextErpCursor = unfinished ? erpCursor : hasForeignErpChanges(feedAfter, knownErp) ? feed.endCursor : feedAfter.endCursor;

    await store.transaction(async (tx) => {
      const linksAfter: StoredLinkState[] = [];
      await forEachStoredContactLink(tx, user, ({ erpId, outlookId, state, missedListings, updatedAt }) => linksAfter.push({ erpId, outlookId, state, missedListings, updatedAt }));
      const conflictsAfter = await createStoreContactLinks(tx, user).listConflicts();
      const next: ContactSyncState = { folderId: target.folderId, fingerprint: fingerprintContactSync(settingsKey, linksAfter, conflictsAfter), pending: unfinished, listedAt: startedAt };
      await putOrRemove(tx, target, contactCursors.outlookDelta, nextDeltaLink, startedAt);
      await putOrRemove(tx, target, contactCursors.erpFeed, nextErpCursor, startedAt);
      await tx.cursors.put({ user, collection: contactCursors.state, value: JSON.stringify(next), updatedAt: startedAt });
    });
    await advance({ type: 'saved', at: at() });
    return { state, report: report() };
  } catch (error) {
    if (state.stage === 'done' || state.stage === 'failed' || state.stage === 'waiting_confirmation') throw error;
    state = advanceRun(state, { type: 'failed', at: at(), failure: toRunFailure(error) });
    await deps.onState(state).catch(() => undefined);
    return { state, report: report() };
  }
}

interface ChangeSignals {
  incremental: boolean;
  outlookChanged: boolean;
  erpChanged: boolean;
  fingerprint: string;
  linksUnsettled: boolean;
  confirmations: boolean;
  fullListingDue: boolean;
}

/** A run may stop after change detection only when nothing anywhere asks for a plan. */
function isQuiet(saved: ContactSyncState | undefined, signals: ChangeSignals): boolean {
  if (saved === undefined || saved.pending || saved.fingerprint !== signals.fingerprint) return false;
  // A link one listing missed waits for the second listing; a pending create or ERP write for the listing that settles it.
  return signals.incremental && !signals.outlookChanged && !signals.erpChanged && !signals.linksUnsettled && !signals.confirmations && !signals.fullListingDue;
}

async function putOrRemove(store: Store, target: ContactSyncTarget, collection: string, value: string | undefined, at: string): Promise<void> {
  if (value === undefined) await store.cursors.remove(target.user, collection);
  else await store.cursors.put({ user: target.user, collection, value, updatedAt: at });
}

/**
 * The user chose another folder: the links point into the old one, where the planner would read
 * every copy as deleted by the user. Forgetting them makes the new folder a first sync; the old
 * folder's copies stay as they are (and are adopted, not duplicated, if the user comes back to it).
 */
async function forgetOtherFolder(store: Store, target: ContactSyncTarget): Promise<void> {
  await store.transaction(async (tx) => {
    for (const link of await tx.links.listForUser(target.user, 'contact')) await tx.links.remove(target.user, 'contact', link.erpId);
    for (const collection of Object.values(contactCursors)) await tx.cursors.remove(target.user, collection);
  });
}
