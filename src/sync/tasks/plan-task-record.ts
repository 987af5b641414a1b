import { classifyAction } from '../../domain/classify-action';
import type { ErpAction } from '../../domain/erp-records';
import type { ConflictPolicy } from '../../domain/sync-settings';
import type { ErpActionChanges } from '../actions/erp-action-source';
import type { OutlookDeleteRule } from '../events/plan-event-changes';
import type { OutlookTask } from './outlook-task';
import type { OutlookTaskWrite } from './outlook-task-list';
import type { SyncedTask } from './synced-task';
import { syncedTaskOf } from './synced-task-of';
import type { TaskConflict } from './task-conflict';
import type { TaskContent } from './task-content';
import { taskContentOf } from './task-content-of';
import type { TaskLink } from './task-link';
import type { TaskRecordPlan } from './task-record-plan';

/** Everything known of one ERP action in a run. */
export interface TaskRecord {
  erpId: string;
  tag: string;
  /** The action as the ERP feed gave it in this run; absent when it did not change. */
  action?: ErpAction;
  /** Deleted in the ERP, or moved out of the mailbox's scope (reassigned). */
  gone: boolean;
  link?: TaskLink;
  /** The linked task as delta gave it in this run; absent when it did not change. */
  item?: OutlookTask;
  /** The linked task was deleted by the user (or moved out of the list). */
  itemRemoved: boolean;
  /** Tasks of the list carrying this action's tag that no link points at (a create whose answer was lost). */
  tagged: OutlookTask[];
  conflicts: TaskConflict[];
}

export interface TaskPlanContext {
  direction: 'erp-to-outlook' | 'two-way';
  policy: ConflictPolicy;
  /** What the user deleting a synced task does to its action: stop syncing it, or (two-way) cancel it too. */
  outlookDelete: OutlookDeleteRule;
  /** The list is shared with others: private actions stay out of it. */
  listShared: boolean;
  now: string;
  newId: () => string;
}

const fields = ['subject', 'notes', 'dueDate', 'status'] as const satisfies readonly (keyof SyncedTask)[];
type Field = (typeof fields)[number];

const keep: TaskRecordPlan['link'] = { kind: 'keep' };

/** Puts a value recorded in a conflict back into a side's fields, if it is of the field's type. */
function restoreField(target: SyncedTask, field: Field, value: unknown): void {
  switch (field) {
    case 'subject':
    case 'notes':
      if (typeof value === 'string') target[field] = value;
      return;
    case 'dueDate':
      if (typeof value === 'string' || value === null) target.dueDate = value;
      return;
    case 'status':
      if (value === 'planned' || value === 'done' || value === 'cancelled') target.status = value;
      return;
  }
}

function copyField<Name extends Field>(target: SyncedTask, source: SyncedTask, field: Name): void {
  target[field] = source[field];
}

/** Whether the ERP takes an Outlook value: it needs a subject, and its port cannot clear a due date. */
function erpAccepts(field: Field, value: SyncedTask[Field]): boolean {
  switch (field) {
    case 'subject':
      return typeof value === 'string' && value.length > 0 && value.length <= 255;
    case 'notes':
      return typeof value === 'string' && value.length <= 100_000;
    case 'dueDate':
      return value !== null;
    case 'status':
      return true;
  }
}

/** Outlook's task in the ERP's terms, against the base: completion keeps a closed status as it was. */
function outlookView(item: OutlookTask, base: SyncedTask): SyncedTask {
  const baseCompleted = base.status !== 'planned';
  return {
    subject: item.title.trim(),
    notes: item.notes.trim(),
    dueDate: item.dueDate,
    status: item.completed === baseCompleted ? base.status : item.completed ? 'done' : 'planned',
  };
}

function contentChanges(current: TaskContent, target: TaskContent): Partial<TaskContent> {
  const changes: Partial<TaskContent> = {};
  if (current.title.trim() !== target.title) changes.title = target.title;
  if (current.notes.trim() !== target.notes) changes.notes = target.notes;
  if (current.dueDate !== target.dueDate) changes.dueDate = target.dueDate;
  if (current.completed !== target.completed) changes.completed = target.completed;
  return changes;
}

/** Untouched copies (modified within a second of their creation) are ours to remove; an edited one stays. */
const isUntouched = (task: OutlookTask) => Date.parse(task.lastModifiedDateTime) - Date.parse(task.createdDateTime) <= 1000;

/** Of the tagged copies, the oldest is kept; the others are removed if nobody edited them. */
function sortCopies(tagged: readonly OutlookTask[]): { keeper: OutlookTask | undefined; extra: OutlookWriteRemove[] } {
  const sorted = [...tagged].sort((left, right) => left.createdDateTime.localeCompare(right.createdDateTime) || left.id.localeCompare(right.id));
  const [keeper, ...others] = sorted;
  return { keeper, extra: others.filter(isUntouched).map((task) => ({ kind: 'remove', outlookId: task.id })) };
}
type OutlookWriteRemove = Extract<OutlookTaskWrite, { kind: 'remove' }>;

function create(record: TaskRecord, action: ErpAction): TaskRecordPlan {
  const synced = syncedTaskOf(action);
  return {
    erpId: record.erpId, outlookWrites: [{ kind: 'create', content: taskContentOf(synced), tag: record.tag }], conflicts: [],
    link: { kind: 'save', state: 'active', outlookId: undefined, fields: synced, version: action.version, changeKey: '' },
  };
}

/** A user's resolution made after the link was last saved has not been applied yet. */
function pendingDecision(record: TaskRecord, field: Field): 'erp' | 'outlook' | undefined {
  const updatedAt = Date.parse(record.link?.updatedAt ?? '');
  const decided = record.conflicts.filter(
    (conflict) => conflict.field === field && conflict.status === 'resolved' && conflict.resolvedAt !== undefined && Date.parse(conflict.resolvedAt) > updatedAt,
  );
  return decided.at(-1)?.resolution;
}

function policyDecision(policy: ConflictPolicy, action: ErpAction | undefined, item: OutlookTask | undefined): 'erp' | 'outlook' | undefined {
  switch (policy) {
    case 'erp-wins':
      return 'erp';
    case 'outlook-wins':
      return 'outlook';
    case 'newest':
      // Graph dates only the whole task; a tie goes to the ERP.
      return item && action && Date.parse(item.lastModifiedDateTime) > Date.parse(action.updatedAt) ? 'outlook' : 'erp';
    case 'manual':
      return undefined;
  }
}

/** The three-way merge of a linked task whose action is still a task of this mailbox. */
function merge(record: TaskRecord, link: TaskLink, item: OutlookTask | undefined, context: TaskPlanContext): TaskRecordPlan {
  const base: SyncedTask = link.snapshot;
  const erp = record.action ? syncedTaskOf(record.action) : { ...base };
  const version = record.action?.version ?? link.snapshot.version;
  const outlook = item ? outlookView(item, base) : { ...base };
  // A field waiting for the user (or just resolved) keeps each side's value in its conflict, not in the base.
  for (const conflict of record.conflicts) {
    const undecided = conflict.status === 'open' || (conflict.resolvedAt !== undefined && Date.parse(conflict.resolvedAt) > Date.parse(link.updatedAt));
    if (!undecided) continue;
    if (!record.action) restoreField(erp, conflict.field, conflict.erpValue);
    if (!item) restoreField(outlook, conflict.field, conflict.outlookValue);
  }
  const erpTarget: SyncedTask = { ...erp };
  const outlookTarget: SyncedTask = { ...outlook };
  const snapshot: SyncedTask = { ...base };
  const conflicts: TaskConflict[] = [];
  const settle = (field: Field, from: SyncedTask) => {
    copyField(erpTarget, from, field);
    copyField(outlookTarget, from, field);
    copyField(snapshot, from, field);
  };

  for (const field of fields) {
    const erpChanged = erp[field] !== base[field];
    const outlookChanged = outlook[field] !== base[field];
    if (context.direction === 'erp-to-outlook' || !outlookChanged) {
      settle(field, erp);
      continue;
    }
    let side: 'erp' | 'outlook' | undefined = 'outlook';
    if (erpChanged && erp[field] !== outlook[field]) {
      const pending = pendingDecision(record, field);
      side = pending ?? policyDecision(context.policy, record.action, item);
      const waitingAlready = record.conflicts.some((conflict) => conflict.field === field && conflict.status === 'open');
      if (pending === undefined && !(side === undefined && waitingAlready)) {
        const conflict: TaskConflict = { id: context.newId(), erpId: record.erpId, field, erpValue: erp[field], outlookValue: outlook[field], status: 'open', createdAt: context.now };
        conflicts.push(side === undefined ? conflict : { ...conflict, status: 'resolved', resolution: side, resolvedAt: context.now });
      }
    }
    if (side === 'erp') settle(field, erp);
    else if (side === 'outlook' && erpAccepts(field, outlook[field])) settle(field, outlook);
    else {
      // Waiting for the user, or a value the ERP cannot take: each side keeps its own, the base stays.
      copyField(erpTarget, erp, field);
      copyField(outlookTarget, outlook, field);
    }
  }

  const changes: ErpActionChanges = {};
  if (erpTarget.subject !== erp.subject) changes.subject = erpTarget.subject;
  if (erpTarget.notes !== erp.notes) changes.notes = erpTarget.notes;
  if (erpTarget.dueDate !== erp.dueDate && erpTarget.dueDate !== null) changes.dueDate = erpTarget.dueDate;
  if (erpTarget.status !== erp.status) changes.status = erpTarget.status;
  const current = item ? { title: item.title, notes: item.notes, dueDate: item.dueDate, completed: item.completed } : taskContentOf(base);
  const outlookChanges = contentChanges(current, taskContentOf(outlookTarget));
  return {
    erpId: record.erpId,
    ...(Object.keys(changes).length > 0 ? { erpWrite: { changes, version } } : {}),
    outlookWrites: Object.keys(outlookChanges).length > 0 ? [{ kind: 'update', outlookId: link.outlookId, changeKey: item?.changeKey ?? link.snapshot.changeKey, changes: outlookChanges }] : [],
    conflicts,
    link: { kind: 'save', state: 'active', outlookId: link.outlookId, fields: snapshot, version, changeKey: item?.changeKey ?? link.snapshot.changeKey },
  };
}

const isEmpty = (plan: TaskRecordPlan) => !plan.erpWrite && plan.outlookWrites.length === 0 && plan.conflicts.length === 0;

/** The same link, unchanged: nothing to save. */
function sameLink(link: TaskLink, plan: TaskRecordPlan): boolean {
  if (plan.link.kind !== 'save') return false;
  const { snapshot } = link;
  const next = plan.link;
  return (
    link.state === next.state && link.outlookId === next.outlookId && snapshot.version === next.version && snapshot.changeKey === next.changeKey && link.missedListings === (next.missedListings ?? 0) &&
    fields.every((field) => snapshot[field] === next.fields[field])
  );
}

/**
 * Decides what one ERP action's task needs (DESIGN §5). The task follows the action while it is a
 * task of this mailbox; an action deleted, reassigned or turned into an event takes its task out
 * of the list. A task the user deleted suppresses the link (the action stays, cancelled if the
 * environment says so) until the action changes. Two-way, each field merges against the last synced values; a field changed on both
 * sides is a conflict settled by the policy and recorded.
 */
export function planTaskRecord(record: TaskRecord, context: TaskPlanContext): TaskRecordPlan {
  const { action, link } = record;
  const isTask = action !== undefined && classifyAction(action) === 'task' && !(context.listShared && action.private);
  const leaves = record.gone || (action !== undefined && !isTask);
  const { keeper, extra } = sortCopies(record.tagged);
  const none: TaskRecordPlan = { erpId: record.erpId, outlookWrites: [], conflicts: [], link: keep };

  if (leaves) {
    // Every task of ours for the action leaves the list; the ERP action itself is never touched.
    const ours = [...(link?.state === 'active' && !record.itemRemoved ? [link.outlookId] : []), ...record.tagged.map((task) => task.id)];
    return { ...none, outlookWrites: ours.map((outlookId) => ({ kind: 'remove', outlookId })), link: link ? { kind: 'remove' } : keep };
  }
  if (link === undefined || link.state === 'suppressed') {
    const recreate = action !== undefined && (link === undefined || action.version > link.snapshot.version);
    if (!recreate) return none;
    if (keeper === undefined) return create(record, action);
    // Adopted: a task we made whose answer was lost. Its base is the action, so only real edits flow back.
    const adopted: TaskLink = { erpId: record.erpId, outlookId: keeper.id, state: 'active', snapshot: { ...syncedTaskOf(action), version: action.version, changeKey: '' }, missedListings: 0, updatedAt: context.now };
    const plan = merge(record, adopted, keeper, context);
    return { ...plan, outlookWrites: [...plan.outlookWrites, ...extra] };
  }
  if (record.itemRemoved) {
    // Cancelling is for an action still to do: a task completed, then deleted, leaves its action done.
    const known = action ?? link.snapshot;
    const cancel = context.outlookDelete === 'cancel' && context.direction === 'two-way' && known.status === 'planned';
    return {
      ...none,
      ...(cancel ? { erpWrite: { changes: { status: 'cancelled' }, version: action?.version ?? link.snapshot.version } } : {}),
      link: { kind: 'save', state: 'suppressed', outlookId: link.outlookId, fields: link.snapshot, version: action?.version ?? link.snapshot.version, changeKey: link.snapshot.changeKey },
    };
  }
  const plan = merge(record, link, record.item, context);
  // Every tagged copy beside the linked task is a duplicate.
  const duplicates: OutlookWriteRemove[] = record.tagged.filter(isUntouched).map((task) => ({ kind: 'remove', outlookId: task.id }));
  const withExtra = { ...plan, outlookWrites: [...plan.outlookWrites, ...duplicates] };
  return isEmpty(withExtra) && sameLink(link, withExtra) ? none : withExtra;
}
