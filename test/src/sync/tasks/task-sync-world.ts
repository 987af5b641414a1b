import type { ErpAction } from '../../../../src/domain/erp-records';
import type { ConflictPolicy } from '../../../../src/domain/sync-settings';
import type { OutlookDeleteRule } from '../../../../src/sync/events/plan-event-changes';
import { runTaskSync } from '../../../../src/sync/tasks/run-task-sync';
import type { TaskSyncReport } from '../../../../src/sync/tasks/task-sync-report';
import { sequentialIds } from '../../../builders/sequential-ids';
import { FakeErpActionSource } from '../../../fakes/fake-erp-action-source';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeOutlookTaskList } from '../../../fakes/fake-outlook-task-list';
import { FakeTaskSyncStore } from '../../../fakes/fake-task-sync-store';

export interface TaskSyncWorldOptions {
  direction?: 'erp-to-outlook' | 'two-way';
  policy?: ConflictPolicy;
  listName?: string;
  /** What deleting a task in To Do does to its action; `suppress` unless said. */
  outlookDelete?: OutlookDeleteRule;
}

/** An ERP, a To Do and a store in memory, and a run over them (environment `acme`). */
export function createTaskSyncWorld(actions: readonly ErpAction[], options: TaskSyncWorldOptions = {}) {
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');
  const erp = new FakeErpActionSource(clock, { ownerId: 'U-1', actions, pageSize: 3 });
  const todo = new FakeOutlookTaskList(clock);
  const store = new FakeTaskSyncStore();
  const newId = sequentialIds('conflict-');
  // Actions deleted where the ERP's feed cannot show it (rows deleted outright in a mapped table): only a full listing misses them.
  const deletedOutright = new Set<string>();
  const source = {
    listActionChanges: (cursor: string | undefined) => erp.listActionChanges(cursor),
    updateActionFields: erp.updateActionFields.bind(erp),
    createAction: erp.createAction.bind(erp),
    listActionsInScope: async () => (await erp.listActionsInScope()).filter((action) => !deletedOutright.has(action.id)),
  };
  const settings = { direction: options.direction ?? 'two-way', policy: options.policy ?? 'erp-wins', listName: options.listName ?? 'ERP', outlookDelete: options.outlookDelete ?? 'suppress' };
  return {
    clock, erp, todo, store, settings, deletedOutright,
    /** Moves every clock on by `seconds`. */
    tick(seconds: number) {
      clock.set(new Date(Date.parse(clock.now()) + seconds * 1000).toISOString());
    },
    run(): Promise<TaskSyncReport> {
      return runTaskSync({
        environment: 'acme', listName: settings.listName, direction: settings.direction, policy: settings.policy, outlookDelete: settings.outlookDelete,
        list: todo, erp: source, store, fullListingEveryMs: 3_600_000, now: () => new Date(clock.now()), newId, onState: async () => undefined,
      });
    },
    /** The tasks of the list in use. */
    tasks() {
      const listId = store.state.list?.id;
      return listId ? todo.tasksIn(listId) : [];
    },
    taskOf(erpId: string) {
      return this.tasks().find((task) => task.tag === `acme:${erpId}`);
    },
  };
}
