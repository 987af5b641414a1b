import type { ErpAction } from '../../domain/erp-records';
import type { ErpActionSource } from '../actions/erp-action-source';
import { isRunLevelFailure } from '../is-run-level-failure';
import type { RunFailure } from '../run-state';
import { SyncError } from '../sync-error';
import { toRunFailure } from '../to-run-failure';
import type { OutlookTaskList, OutlookTaskWrite, OutlookTaskWriteAnswer, TaskListTarget } from './outlook-task-list';
import type { OutlookTask } from './outlook-task';
import { syncedTaskOf } from './synced-task-of';
import type { TaskItemFailure } from './task-item-failure';
import type { TaskLink } from './task-link';
import type { TaskRecordPlan } from './task-record-plan';
import type { TaskSyncStore } from './task-sync-store';

export interface ApplyTaskPlanDeps {
  list: Pick<OutlookTaskList, 'write' | 'listTasks'>;
  target: TaskListTarget;
  erp: Pick<ErpActionSource, 'updateActionFields'>;
  store: Pick<TaskSyncStore, 'transaction'>;
  now: string;
  /** Told after each action's writes are done (or failed). */
  onRecordFinished(): Promise<void>;
}

export interface AppliedTaskPlan {
  counts: { outlookCreated: number; outlookUpdated: number; outlookRemoved: number; erpUpdated: number };
  failures: TaskItemFailure[];
  /** The failure that stopped the run (auth, throttling budget spent, ERP down); what was done before it is saved. */
  stoppedBy?: RunFailure;
}

/** The link a record's successful writes leave. */
function linkAfter(plan: TaskRecordPlan, written: ErpAction | undefined, answer: OutlookTaskWriteAnswer | undefined, now: string): TaskLink | undefined {
  if (plan.link.kind !== 'save') return undefined;
  const { state, fields } = plan.link;
  const outlookId = (answer?.ok ? answer.id : undefined) ?? plan.link.outlookId;
  if (outlookId === undefined) return undefined;
  const changeKey = (answer?.ok ? answer.changeKey : undefined) ?? plan.link.changeKey;
  // What the ERP holds after our write (it trims text): the fields we wrote, as it stored them.
  const erpFields = written ? { ...fields, ...pickWritten(plan, syncedTaskOf(written)) } : fields;
  return { erpId: plan.erpId, outlookId, state, snapshot: { ...erpFields, version: written?.version ?? plan.link.version, changeKey }, missedListings: plan.link.missedListings ?? 0, updatedAt: now };
}

function pickWritten(plan: TaskRecordPlan, written: ReturnType<typeof syncedTaskOf>): Partial<ReturnType<typeof syncedTaskOf>> {
  const changes = plan.erpWrite?.changes ?? {};
  return {
    ...(changes.subject === undefined ? {} : { subject: written.subject }),
    ...(changes.notes === undefined ? {} : { notes: written.notes }),
    ...(changes.dueDate === undefined ? {} : { dueDate: written.dueDate }),
    ...(changes.status === undefined ? {} : { status: written.status }),
  };
}

/**
 * Applies a task plan: conflicts are recorded before any write; then the ERP writes (with the
 * version read), then every Outlook write in `$batch`es; then the links of the actions whose writes
 * all succeeded, in one transaction. A create whose answer was lost (`outcomeUnknown`) is looked up
 * by its tag in the list, so it is linked rather than sent again. Item failures are data; a
 * run-level one stops the writes and is returned.
 */
export async function applyTaskPlan(plans: readonly TaskRecordPlan[], deps: ApplyTaskPlanDeps): Promise<AppliedTaskPlan> {
  const result: AppliedTaskPlan = { counts: { outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpUpdated: 0 }, failures: [] };
  const conflicts = plans.flatMap((plan) => plan.conflicts);
  if (conflicts.length > 0) await deps.store.transaction(async (writer) => { for (const conflict of conflicts) await writer.addConflict(conflict); });

  const written = new Map<string, ErpAction>();
  const failed = new Set<string>();
  for (const plan of plans) {
    if (!plan.erpWrite) continue;
    try {
      written.set(plan.erpId, await deps.erp.updateActionFields(plan.erpId, plan.erpWrite.changes, plan.erpWrite.version));
      result.counts.erpUpdated += 1;
    } catch (error) {
      const failure = toRunFailure(error);
      if (isRunLevelFailure(failure.code)) return { ...result, stoppedBy: failure };
      failed.add(plan.erpId);
      result.failures.push({ erpId: plan.erpId, side: 'erp', ...failure });
    }
  }

  const sent = plans.filter((plan) => !failed.has(plan.erpId));
  const writes: { plan: TaskRecordPlan; write: OutlookTaskWrite; first: boolean }[] = sent.flatMap((plan) => plan.outlookWrites.map((write, index) => ({ plan, write, first: index === 0 })));
  let answers: OutlookTaskWriteAnswer[];
  try {
    answers = writes.length > 0 ? await deps.list.write(deps.target, writes.map(({ write }) => write)) : [];
  } catch (error) {
    return { ...result, stoppedBy: toRunFailure(error) };
  }

  let listed: OutlookTask[] | undefined;
  const vanished = new Set<string>();
  const ownAnswer = new Map<string, OutlookTaskWriteAnswer>();
  for (const [index, { plan, write, first }] of writes.entries()) {
    let answer = answers[index] ?? { ok: false, error: new SyncError('unavailable', 'No answer for a task write.') };
    if (!answer.ok && write.kind === 'create' && answer.error.outcomeUnknown) {
      // The create may have been made: find it by its tag instead of sending it again.
      listed ??= await deps.list.listTasks(deps.target);
      const made = listed.find((task) => task.tag === write.tag);
      if (made) answer = { ok: true, id: made.id, changeKey: made.changeKey };
    }
    if (!answer.ok && answer.error.code === 'not_found' && write.kind !== 'create') {
      // Gone already: a removal is done; an update finds the task deleted by the user, whose link is suppressed.
      if (write.kind === 'update') vanished.add(plan.erpId);
      answer = { ok: true };
    }
    if (!answer.ok) {
      if (isRunLevelFailure(answer.error.code)) result.stoppedBy ??= toRunFailure(answer.error);
      failed.add(plan.erpId);
      result.failures.push({ erpId: plan.erpId, side: 'outlook', code: answer.error.code, message: answer.error.message });
      continue;
    }
    if (first) ownAnswer.set(plan.erpId, answer);
    result.counts[write.kind === 'create' ? 'outlookCreated' : write.kind === 'update' ? 'outlookUpdated' : 'outlookRemoved'] += 1;
  }

  await deps.store.transaction(async (writer) => {
    for (const plan of plans) {
      if (failed.has(plan.erpId)) continue;
      if (plan.link.kind === 'remove') await writer.removeLink(plan.erpId);
      const link = linkAfter(plan, written.get(plan.erpId), plan.outlookWrites[0]?.kind === 'remove' ? undefined : ownAnswer.get(plan.erpId), deps.now);
      if (link) await writer.saveLink(vanished.has(plan.erpId) ? { ...link, state: 'suppressed' } : link);
    }
  });
  for (let finished = 0; finished < plans.length; finished += 1) await deps.onRecordFinished();
  return result;
}
