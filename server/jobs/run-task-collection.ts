import { createGraphTaskList } from '../../src/graph/todo/create-graph-task-list';
import { runTaskSync } from '../../src/sync/tasks/run-task-sync';
import type { ActionCollectionReport, ActionCollectionRun } from './action-collection-run';
import { createStoreTaskSync } from './create-store-task-sync';

/** The linked resource's `applicationName` on every task the bridge creates. */
const applicationName = 'ERP Bridge';
/** A full listing of the ERP's actions a day finds those deleted where the feed cannot show it (the sql adapter's hard deletes). */
const fullListingEveryMs = 24 * 60 * 60_000;

/**
 * The To Do part of a mailbox run: ERP actions without start and end (due date or none) as tasks in
 * the user's list (`todoListName`, created if missing), both ways under the user's `tasks` direction
 * and `taskConflicts` policy; a task deleted in To Do cancels its action when the environment's
 * `sync.tasks.outlookDelete` says so. Off when actions are off or the direction is `off`: then it sends nothing.
 *
 * @example const report = await runTaskCollection({ environment, user, settings, inviteAttendees: false, client, mailbox, erp, store, now, newId, onState });
 */
export const runTaskCollection: ActionCollectionRun = async (input) => {
  const { settings } = input;
  const startedAt = input.now().toISOString();
  const applied = { outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpCreated: 0, erpUpdated: 0 };
  if (!settings.actionsEnabled || settings.tasks === 'off') {
    return { outcome: 'succeeded', quiet: true, applied, failedOperations: 0, startedAt, finishedAt: startedAt };
  }
  const template = input.actionUrlTemplate;
  const list = createGraphTaskList(input.client, input.mailbox, {
    applicationName,
    ...(template ? { recordUrl: (erpId: string) => template.replaceAll('{id}', encodeURIComponent(erpId)) } : {}),
  });
  const report = await runTaskSync({
    environment: input.environment,
    listName: settings.todoListName,
    direction: settings.tasks,
    policy: settings.taskConflicts,
    outlookDelete: input.taskOutlookDelete ?? 'suppress',
    list,
    erp: input.erp,
    store: createStoreTaskSync(input.store, input.user, input.now),
    fullListingEveryMs,
    now: input.now,
    newId: input.newId,
    onState: input.onState,
  });
  const result: ActionCollectionReport = {
    outcome: report.outcome,
    quiet: report.quiet,
    applied: { ...applied, ...report.counts },
    failedOperations: report.failures.length,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
  };
  return report.failure ? { ...result, failure: report.failure } : result;
};
