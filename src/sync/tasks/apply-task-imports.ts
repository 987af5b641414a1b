import { formatErpTag } from '../../domain/format-erp-tag';
import type { ErpAction } from '../../domain/erp-records';
import type { ErpActionSource } from '../actions/erp-action-source';
import { isRunLevelFailure } from '../is-run-level-failure';
import type { RunFailure } from '../run-state';
import { toRunFailure } from '../to-run-failure';
import type { OutlookTaskList, TaskListTarget } from './outlook-task-list';
import { syncedTaskOf } from './synced-task-of';
import type { TaskImport } from './task-import';
import type { TaskItemFailure } from './task-item-failure';
import type { TaskLink } from './task-link';
import type { TaskSyncStore } from './task-sync-store';

export interface ApplyTaskImportsDeps {
  environment: string;
  list: Pick<OutlookTaskList, 'write'>;
  target: TaskListTarget;
  erp: Pick<ErpActionSource, 'createAction'>;
  store: Pick<TaskSyncStore, 'transaction'>;
  now: string;
}

export interface AppliedTaskImports {
  created: number;
  /** The links saved: the run plans with them, so the new actions coming through the ERP feed are not created again. */
  links: TaskLink[];
  /** Actions made whose task could not be tagged: left out of this run's plan, tagged by the next run (the create is keyed by the task). */
  untagged: string[];
  failures: TaskItemFailure[];
  stoppedBy?: RunFailure;
}

/**
 * Makes an ERP action of each task the user categorized `ERP`, then tags the task with it (its
 * linked resource) and links them. The create is keyed by the task, so a run that dies before the
 * tag is written finds the same action next time instead of making a second one.
 */
export async function applyTaskImports(imports: readonly TaskImport[], deps: ApplyTaskImportsDeps): Promise<AppliedTaskImports> {
  const result: AppliedTaskImports = { created: 0, links: [], untagged: [], failures: [] };
  const made: { outlookId: string; action: ErpAction }[] = [];
  for (const each of imports) {
    try {
      made.push({ outlookId: each.outlookId, action: await deps.erp.createAction(each.input, each.sourceKey) });
    } catch (error) {
      const failure = toRunFailure(error);
      if (isRunLevelFailure(failure.code)) return { ...result, stoppedBy: failure };
      result.failures.push({ erpId: each.sourceKey, side: 'erp', code: failure.code, message: failure.message });
    }
  }
  if (made.length === 0) return result;
  let answers: Awaited<ReturnType<OutlookTaskList['write']>>;
  try {
    answers = await deps.list.write(deps.target, made.map(({ outlookId, action }) => ({ kind: 'tag', outlookId, tag: formatErpTag(deps.environment, action.id), title: action.subject })));
  } catch (error) {
    result.untagged.push(...made.map(({ action }) => action.id));
    return { ...result, stoppedBy: toRunFailure(error) };
  }
  await deps.store.transaction(async (writer) => {
    for (const [index, { outlookId, action }] of made.entries()) {
      const answer = answers[index];
      if (!answer?.ok) {
        result.untagged.push(action.id);
        result.failures.push({ erpId: action.id, side: 'outlook', code: answer?.error.code ?? 'unavailable', message: answer?.error.message ?? 'No answer for a task write.' });
        continue;
      }
      result.created += 1;
      // The task's change key after its new linked resource is not in the answer: the next delta round brings it.
      const link: TaskLink = { erpId: action.id, outlookId, state: 'active', snapshot: { ...syncedTaskOf(action), version: action.version, changeKey: '' }, missedListings: 0, updatedAt: deps.now };
      result.links.push(link);
      await writer.saveLink(link);
    }
  });
  return result;
}
