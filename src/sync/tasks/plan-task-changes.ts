import type { ErpAction } from '../../domain/erp-records';
import { formatErpTag } from '../../domain/format-erp-tag';
import { parseErpTag } from '../../domain/parse-erp-tag';
import type { OutlookTask } from './outlook-task';
import { type TaskPlanContext, type TaskRecord, planTaskRecord } from './plan-task-record';
import type { TaskConflict } from './task-conflict';
import type { TaskLink } from './task-link';
import type { TaskRecordPlan } from './task-record-plan';

export interface TaskPlanInput extends TaskPlanContext {
  environment: string;
  /** Actions the ERP feed gave since its cursor (of any kind: one that became an event leaves the list). */
  erpChanged: readonly ErpAction[];
  /** Actions deleted or moved out of the mailbox's scope since the cursor. */
  erpGone: readonly string[];
  outlookChanged: readonly OutlookTask[];
  outlookRemoved: readonly string[];
  /** `outlookChanged` holds every task of the list (a first or restarted delta round): a linked task missing from it is gone. */
  fullRound: boolean;
  links: readonly TaskLink[];
  conflicts: readonly TaskConflict[];
  /** The ids of a full listing of the ERP's actions in scope, when the run made one (it finds deletes a feed cannot show). */
  listedIds?: ReadonlySet<string>;
}

/** A link kept as it was still records the listings that missed its action (or that one showed it again). */
function countMisses(plan: TaskRecordPlan, record: TaskRecord, counted: number | undefined): TaskRecordPlan {
  // Without a listing this run, an action the feed did not show keeps the misses it had.
  const missed = counted ?? (record.action === undefined ? record.link?.missedListings : undefined);
  if (missed === undefined) return plan;
  if (plan.link.kind === 'save') return { ...plan, link: { ...plan.link, missedListings: missed } };
  const { link } = record;
  if (plan.link.kind === 'remove' || link === undefined || link.missedListings === missed) return plan;
  return { ...plan, link: { kind: 'save', state: link.state, outlookId: link.outlookId, fields: link.snapshot, version: link.snapshot.version, changeKey: link.snapshot.changeKey, missedListings: missed } };
}

/**
 * The plan of a run: one entry per ERP action whose task needs a write, a conflict or a new link,
 * sorted by ERP id. Only tasks carrying this environment's tag, or linked, are ever written; the
 * user's own tasks in the list are left alone.
 *
 * @example
 * const plans = planTaskChanges({ ...context, environment: 'acme', erpChanged: feed.items, erpGone: feed.deletedIds, outlookChanged: round.changed, outlookRemoved: round.removed, fullRound: false, links, conflicts });
 */
export function planTaskChanges(input: TaskPlanInput): TaskRecordPlan[] {
  const records = new Map<string, TaskRecord>();
  const linksByErpId = new Map(input.links.map((link) => [link.erpId, link]));
  const linksByOutlookId = new Map(input.links.map((link) => [link.outlookId, link]));
  const recordOf = (erpId: string): TaskRecord => {
    let record = records.get(erpId);
    if (record === undefined) {
      const link = linksByErpId.get(erpId);
      record = {
        erpId, tag: formatErpTag(input.environment, erpId), gone: false, itemRemoved: false, tagged: [],
        conflicts: input.conflicts.filter((conflict) => conflict.erpId === erpId),
        ...(link ? { link } : {}),
      };
      records.set(erpId, record);
    }
    return record;
  };

  const seen = new Set<string>();
  for (const task of input.outlookChanged) {
    seen.add(task.id);
    const link = linksByOutlookId.get(task.id);
    if (link !== undefined) {
      // Our own last write coming back through delta is no edit.
      if (link.state === 'active' && task.changeKey !== link.snapshot.changeKey) recordOf(link.erpId).item = task;
      continue;
    }
    const tag = parseErpTag(task.tag);
    if (tag?.environment === input.environment) recordOf(tag.erpId).tagged.push(task);
  }
  const removed = new Set(input.outlookRemoved);
  for (const link of input.links) {
    if (link.state !== 'active') continue;
    if (removed.has(link.outlookId) || (input.fullRound && !seen.has(link.outlookId))) recordOf(link.erpId).itemRemoved = true;
  }
  for (const action of input.erpChanged) {
    const link = linksByErpId.get(action.id);
    // The feed showing our own last write is no edit.
    if (link === undefined || action.version !== link.snapshot.version || link.state === 'suppressed') recordOf(action.id).action = action;
  }
  for (const erpId of input.erpGone) recordOf(erpId).gone = true;
  const misses = new Map<string, number>();
  if (input.listedIds !== undefined) {
    const changedIds = new Set(input.erpChanged.map((action) => action.id));
    for (const link of input.links) {
      const listed = input.listedIds.has(link.erpId) || changedIds.has(link.erpId);
      // Two listings in a row without the action take its task out; one may be a listing that raced a write.
      if (!listed && link.missedListings + 1 >= 2) recordOf(link.erpId).gone = true;
      else if (!listed || link.missedListings > 0) misses.set(link.erpId, listed ? 0 : link.missedListings + 1);
    }
  }
  for (const conflict of input.conflicts) {
    const link = linksByErpId.get(conflict.erpId);
    if (conflict.status === 'resolved' && link !== undefined && Date.parse(conflict.resolvedAt ?? '') > Date.parse(link.updatedAt)) recordOf(conflict.erpId);
  }

  for (const erpId of misses.keys()) recordOf(erpId);
  return [...records.values()]
    .sort((left, right) => (left.erpId < right.erpId ? -1 : left.erpId > right.erpId ? 1 : 0))
    .map((record) => countMisses(planTaskRecord(record, input), record, misses.get(record.erpId)))
    .filter((plan) => plan.link.kind !== 'keep' || plan.outlookWrites.length > 0 || plan.erpWrite !== undefined || plan.conflicts.length > 0);
}
