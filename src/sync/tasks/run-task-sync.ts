import type { ErpAction } from '../../domain/erp-records';
import type { ConflictPolicy } from '../../domain/sync-settings';
import type { OutlookDeleteRule } from '../events/plan-event-changes';
import type { ErpActionSource } from '../actions/erp-action-source';
import { advanceRun } from '../advance-run';
import type { RunEvent, RunState } from '../run-state';
import { startRun } from '../start-run';
import { SyncError } from '../sync-error';
import { toRunFailure } from '../to-run-failure';
import { applyTaskImports } from './apply-task-imports';
import { applyTaskPlan } from './apply-task-plan';
import type { OutlookTaskList, TaskDeltaRound, TaskListInfo, TaskListTarget } from './outlook-task-list';
import { planTaskChanges } from './plan-task-changes';
import { planTaskImports } from './plan-task-imports';
import { formatErpTag } from '../../domain/format-erp-tag';
import { hasForeignOutlookChanges } from '../contacts/has-foreign-outlook-changes';
import type { TaskLink } from './task-link';
import type { TaskSyncReport } from './task-sync-report';
import type { TaskSyncState, TaskSyncStore } from './task-sync-store';

export interface TaskSyncRunInput {
  environment: string;
  /** The list's name from the user's settings (`todoListName`). */
  listName: string;
  direction: 'erp-to-outlook' | 'two-way';
  policy: ConflictPolicy;
  /** What the user deleting a synced task does to its action: `suppress` it, or (two-way) `cancel` it too. */
  outlookDelete: OutlookDeleteRule;
  list: OutlookTaskList;
  erp: Pick<ErpActionSource, 'listActionChanges' | 'listActionsInScope' | 'updateActionFields' | 'createAction'>;
  /** How often the ERP's actions in scope are listed whole, to find deletes its feed cannot show (and on every full delta round). */
  fullListingEveryMs: number;
  store: TaskSyncStore;
  now: () => Date;
  newId: () => string;
  onState(state: RunState): Promise<void>;
}

interface ErpFeed {
  changed: Map<string, ErpAction>;
  gone: Set<string>;
  endCursor: string | undefined;
}

/** The ERP feed from the cursor to its end: the last version of each action, and the ones that left. */
async function readErpFeed(erp: TaskSyncRunInput['erp'], cursor: string | undefined): Promise<ErpFeed> {
  const feed: ErpFeed = { changed: new Map(), gone: new Set(), endCursor: cursor };
  for (;;) {
    const page = await erp.listActionChanges(feed.endCursor);
    for (const erpId of page.deletedIds) {
      feed.gone.add(erpId);
      feed.changed.delete(erpId);
    }
    // An action listed after it left (reassigned back) is in scope again.
    for (const action of page.items) {
      feed.changed.set(action.id, action);
      feed.gone.delete(action.id);
    }
    feed.endCursor = page.nextCursor;
    if (!page.hasMore) return feed;
  }
}

/** The list named in the settings: found among the user's lists (ignoring case), or created. */
async function findOrCreateList(list: OutlookTaskList, name: string): Promise<TaskListInfo> {
  return (await list.findListByName(name)) ?? (await list.createList(name));
}

/** The delta round of a list, from scratch when the link is stale. */
async function readRound(list: OutlookTaskList, target: TaskListTarget, deltaLink: string | undefined): Promise<{ round: TaskDeltaRound; full: boolean }> {
  try {
    return { round: await list.readChanges(target, deltaLink), full: deltaLink === undefined };
  } catch (error) {
    if (!(error instanceof SyncError && error.code === 'cursor_expired')) throw error;
    return { round: await list.readChanges(target, undefined), full: true };
  }
}

const isListGone = (error: unknown) => error instanceof SyncError && error.code === 'not_found';

/**
 * Where the next run's delta round starts after this run wrote to the list: past its own writes
 * when a round taken now holds nothing else (each task as its link knows it, a suppressed link's
 * task gone), so a first sync of thousands of tasks is not paged through again by the next run.
 * Anything else in that round (the user's edit meanwhile) keeps the round's link, so it is read.
 */
async function deltaLinkPastWrites(list: OutlookTaskList, target: TaskListTarget, deltaLink: string, links: readonly TaskLink[]): Promise<string | undefined> {
  const known = new Map(links.map((link) => [link.outlookId, link.state === 'active' ? link.snapshot.changeKey : null]));
  try {
    const after = await list.readChanges(target, deltaLink);
    const changed = new Map(after.changed.map((task) => [task.id, task.changeKey]));
    return hasForeignOutlookChanges({ changed, removed: new Set(after.removed), deltaLink: after.deltaLink }, (id) => known.get(id)) ? deltaLink : after.deltaLink;
  } catch (error) {
    if (!(error instanceof SyncError && error.code === 'cursor_expired')) throw error;
    return undefined;
  }
}

/**
 * One task sync run of a mailbox: the ERP feed since its cursor, the list's delta round since its
 * link, the plan, its writes, and the cursors saved with the links. A run with no change on either
 * side sends one Graph request (the delta round) and writes nothing; a run that wrote to the list
 * ends with a second delta round, so the next one starts past its own writes. A stale delta link restarts
 * the round from scratch: tasks are matched to their links by id and to actions by their tag, so
 * nothing is created twice. A run with item failures keeps the old cursors, so those items are
 * read again by the next run (the others, already in step, plan to nothing).
 *
 * @example const report = await runTaskSync({ environment: 'acme', listName: 'ERP', direction: 'two-way', policy: 'erp-wins', outlookDelete: 'suppress', list, erp, store, fullListingEveryMs: 86_400_000, now, newId, onState });
 */
export async function runTaskSync(input: TaskSyncRunInput): Promise<TaskSyncReport> {
  const startedAt = input.now().toISOString();
  let state = startRun(startedAt);
  const counts = { outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpUpdated: 0, erpCreated: 0 };
  const advance = async (event: RunEvent) => {
    state = advanceRun(state, event);
    await input.onState(state);
  };
  const at = () => input.now().toISOString();
  const finish = (report: Omit<TaskSyncReport, 'startedAt' | 'finishedAt'>): TaskSyncReport => ({ ...report, startedAt, finishedAt: at() });

  try {
    const saved = await input.store.readState();
    // The settings name another list: its tasks are made afresh there, the old list is left as it is.
    const renamedList = saved.list !== undefined && saved.list.name !== input.listName;
    const feed = await readErpFeed(input.erp, renamedList ? undefined : saved.erpCursor);
    await advance({ type: 'erp-listed', at: at() });

    let list: { id: string; isShared: boolean } | undefined = saved.list && !renamedList ? saved.list : undefined;
    let read: { round: TaskDeltaRound; full: boolean } | undefined;
    if (list !== undefined && saved.deltaLink !== undefined) {
      // The quiet path: one request. A list the user renamed is still found by its id.
      try {
        read = await readRound(input.list, { listId: list.id }, saved.deltaLink);
      } catch (error) {
        if (!isListGone(error)) throw error;
        list = undefined;
      }
    }
    if (read === undefined || list === undefined) {
      // A full round: the list is looked up again (sharing may have changed), or found or made when it is gone.
      const info = (list && (await input.list.findList(list.id))) ?? (await findOrCreateList(input.list, input.listName));
      list = { id: info.id, isShared: info.isShared };
      read = await readRound(input.list, { listId: list.id }, undefined);
    }
    const { round } = read;
    const inUse = list;
    const sameAsSaved = inUse.id === saved.list?.id;
    const target: TaskListTarget = { listId: inUse.id };
    await advance({ type: 'outlook-listed', at: at() });

    const listingDue = read.full || saved.erpListedAt === undefined || Date.parse(saved.erpListedAt) + input.fullListingEveryMs <= input.now().getTime();
    const listedIds = listingDue ? new Set((await input.erp.listActionsInScope()).map((action) => action.id)) : undefined;
    const conflicts = await input.store.listConflicts();
    // Links of a list left for another one named in the settings are dropped: that list gets its own tasks.
    const storedLinks = await input.store.listLinks();
    const links = renamedList ? [] : storedLinks;
    // Tasks the user made and categorized ERP become actions first (two-way), so the plan sees them linked.
    const imports = await applyTaskImports(planTaskImports({ direction: input.direction, outlookChanged: round.changed, links }), {
      environment: input.environment, list: input.list, target, erp: input.erp, store: input.store, now: at(),
    });
    counts.erpCreated = imports.created;
    const tagOf = new Map(imports.links.map((link) => [link.outlookId, formatErpTag(input.environment, link.erpId)]));
    const untagged = new Set(imports.untagged);
    const plans = imports.stoppedBy ? [] : planTaskChanges({
      environment: input.environment, direction: input.direction, policy: input.policy, outlookDelete: input.outlookDelete, listShared: inUse.isShared,
      now: at(), newId: input.newId,
      erpChanged: [...feed.changed.values()].filter((action) => !untagged.has(action.id)), erpGone: [...feed.gone],
      outlookChanged: round.changed.map((task) => { const tag = tagOf.get(task.id); return tag === undefined ? task : { ...task, tag, changeKey: '' }; }),
      outlookRemoved: round.removed, fullRound: read.full,
      links: [...links, ...imports.links], conflicts, ...(listedIds ? { listedIds } : {}),
    });
    await advance({ type: 'planned', at: at(), total: plans.length, needsConfirmation: false });

    const applied = imports.stoppedBy ? { counts, failures: [] } : await applyTaskPlan(plans, {
      list: input.list, target, erp: input.erp, store: input.store, now: at(),
      onRecordFinished: () => advance({ type: 'operation-finished', at: at() }),
    });
    Object.assign(counts, applied.counts, { erpCreated: imports.created });
    const failures = [...imports.failures, ...applied.failures];
    const stoppedBy = imports.stoppedBy ?? applied.stoppedBy;
    if (stoppedBy) {
      await advance({ type: 'failed', at: at(), failure: stoppedBy });
      return finish({ outcome: 'failed', quiet: false, counts, failures, failure: stoppedBy });
    }
    await advance({ type: 'applied', at: at() });

    const clean = failures.length === 0;
    const wroteOutlook = counts.outlookCreated + counts.outlookUpdated + counts.outlookRemoved + imports.links.length > 0;
    const nextDeltaLink = clean && wroteOutlook ? await deltaLinkPastWrites(input.list, target, round.deltaLink, await input.store.listLinks()) : round.deltaLink;
    const next: TaskSyncState = {
      list: { id: inUse.id, name: input.listName, isShared: inUse.isShared },
      ...(listingDue ? { erpListedAt: startedAt } : saved.erpListedAt === undefined ? {} : { erpListedAt: saved.erpListedAt }),
      // With item failures the cursors stay, so the next run reads those items again.
      ...(clean ? (nextDeltaLink === undefined ? {} : { deltaLink: nextDeltaLink }) : sameAsSaved && saved.deltaLink !== undefined ? { deltaLink: saved.deltaLink } : {}),
      ...(clean ? (feed.endCursor === undefined ? {} : { erpCursor: feed.endCursor }) : saved.erpCursor === undefined ? {} : { erpCursor: saved.erpCursor }),
    };
    await input.store.transaction(async (writer) => {
      if (renamedList) for (const link of storedLinks) await writer.removeLink(link.erpId);
      await writer.saveState(next);
    });
    await advance({ type: 'saved', at: at() });
    const quiet = sameAsSaved && !read.full && round.changed.length === 0 && round.removed.length === 0 && feed.changed.size === 0 && feed.gone.size === 0 && plans.length === 0;
    return finish({ outcome: clean ? 'succeeded' : 'partial', quiet, counts, failures });
  } catch (error) {
    const failure = toRunFailure(error);
    if (state.stage !== 'done' && state.stage !== 'failed') await advance({ type: 'failed', at: at(), failure });
    return finish({ outcome: 'failed', quiet: false, counts, failures: [], failure });
  }
}
