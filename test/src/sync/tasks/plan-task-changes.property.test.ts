import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictPolicies } from '../../../../src/domain/sync-settings';
import { planTaskChanges } from '../../../../src/sync/tasks/plan-task-changes';
import { buildErpTaskAction } from '../../../builders/build-erp-task-action';
import { createTaskSyncWorld } from './task-sync-world';

const erpIds = ['A', 'B', 'C', 'D'] as const;
const erpId = fc.constantFrom(...erpIds);
const text = fc.constantFrom('Llamar', ' Llamar ', 'Visita <b>hoy</b>', 'Réunion', '');
const date = fc.option(fc.constantFrom('2026-03-29', '2026-10-25', '2026-12-31', '2027-01-01'), { nil: null });

/** What happens between two runs: ERP users and the mailbox's owner editing, deleting, reassigning. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('erpEdit' as const), erpId, subject: text, dueDate: date, status: fc.constantFrom('planned' as const, 'done' as const, 'cancelled' as const) }),
  fc.record({ kind: fc.constant('erpTimes' as const), erpId }),
  fc.record({ kind: fc.constant('erpLeave' as const), erpId }),
  fc.record({ kind: fc.constant('outlookEdit' as const), erpId, title: text, dueDate: date, completed: fc.boolean() }),
  fc.record({ kind: fc.constant('outlookDelete' as const), erpId }),
  fc.record({ kind: fc.constant('userTask' as const), title: text }),
  fc.record({ kind: fc.constant('userErpTask' as const), title: text, completed: fc.boolean() }),
  fc.record({ kind: fc.constant('expireLink' as const) }),
  fc.record({ kind: fc.constant('loseCreates' as const) }),
  fc.record({ kind: fc.constant('run' as const) }),
);

const scenario = fc.record({
  direction: fc.constantFrom('erp-to-outlook' as const, 'two-way' as const),
  policy: fc.constantFrom(...conflictPolicies),
  outlookDelete: fc.constantFrom('suppress' as const, 'cancel' as const),
  initial: fc.uniqueArray(erpId, { minLength: 1 }),
  steps: fc.array(step, { maxLength: 12 }),
});

describe('task sync: idempotence over random mailboxes', () => {
  it('plans nothing more once a run is applied, keeps one task per action, never deletes an ERP action, and leaves the user’s tasks', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ direction, policy, outlookDelete, initial, steps }) => {
        const world = createTaskSyncWorld(initial.map((id) => buildErpTaskAction({ id })), { direction, policy, outlookDelete });
        await world.run();
        const userTasks: string[] = [];
        const erpTasks: string[] = [];
        for (const each of steps) {
          world.tick(10);
          const task = 'erpId' in each ? world.taskOf(each.erpId) : undefined;
          const action = 'erpId' in each ? world.erp.action(each.erpId) : undefined;
          switch (each.kind) {
            case 'erpEdit':
              {
                const changes = { subject: each.subject.trim() || 'Sin asunto', status: each.status, ...(each.dueDate ? { dueDate: each.dueDate } : {}) };
                if (action) world.erp.editInErp(each.erpId, changes);
                else world.erp.addInErp(buildErpTaskAction({ id: each.erpId, ...changes, updatedAt: world.clock.now() }));
              }
              break;
            case 'erpTimes':
              if (action) world.erp.editInErp(each.erpId, { start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' });
              break;
            case 'erpLeave':
              if (action) world.erp.reassignInErp(each.erpId, 'U-2');
              break;
            case 'outlookEdit':
              if (task) world.todo.edit(task.id, { title: each.title, dueDate: each.dueDate, completed: each.completed });
              break;
            case 'outlookDelete':
              if (task) world.todo.delete(task.id);
              break;
            case 'userTask': {
              const listId = world.store.state.list?.id;
              if (listId) userTasks.push(world.todo.addTask(listId, { title: each.title, notes: '', dueDate: null, completed: false }).id);
              break;
            }
            case 'userErpTask': {
              const listId = world.store.state.list?.id;
              if (listId) erpTasks.push(world.todo.addTask(listId, { title: each.title, notes: '', dueDate: '2026-05-20', completed: each.completed }, undefined, ['ERP']).id);
              break;
            }
            case 'expireLink':
              world.todo.expiredLinks.add(world.store.state.deltaLink ?? '');
              break;
            case 'loseCreates':
              world.todo.loseAnswer = (write) => write.kind === 'create';
              break;
            case 'run':
              await world.run();
              world.todo.loseAnswer = () => false;
              break;
          }
        }
        const actionsBefore = world.erp.ids();
        const sourcesBefore = erpTasks.length;
        const userTasksBefore = userTasks.flatMap((id) => world.tasks().filter((each) => each.id === id));

        const settled = await world.run();
        expect(settled.failures).toEqual([]);
        const again = await world.run();

        expect(again.counts).toEqual({ outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpUpdated: 0, erpCreated: 0 });
        // Planned again from everything both sides hold, nothing is left to do.
        const replay = planTaskChanges({
          environment: 'acme', direction, policy, outlookDelete, listShared: false, now: world.clock.now(), newId: () => 'replayed',
          erpChanged: await world.erp.listActionsInScope(), erpGone: [], outlookChanged: world.tasks(), outlookRemoved: [], fullRound: true,
          links: [...world.store.links.values()], conflicts: world.store.conflicts,
        });
        expect(replay).toEqual([]);
        const tags = world.tasks().flatMap((each) => (each.tag ? [each.tag] : []));
        expect(tags.length).toBe(new Set(tags).size);
        // A task the user categorized ERP is linked to an action of its own, two-way, once it has a title.
        for (const id of erpTasks) {
          const task = world.tasks().find((each) => each.id === id);
          if (task && direction === 'two-way' && task.title.trim() !== '') expect(task.tag).toMatch(/^acme:/);
        }
        expect(world.erp.ids()).toEqual(expect.arrayContaining(actionsBefore));
        expect(world.erp.ids().length - actionsBefore.length).toBeLessThanOrEqual(sourcesBefore);
        if (direction === 'erp-to-outlook') expect(world.erp.writes).toBe(0);
        for (const mine of userTasksBefore) expect(world.tasks()).toContainEqual(mine);
      }),
      { numRuns: 300 },
    );
  });
});
