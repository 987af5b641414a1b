import type { SyncedTask } from './synced-task';
import type { TaskContent } from './task-content';

/**
 * What To Do shows of an action: a `done` or `cancelled` action is a completed task (a cancelled
 * action needs no doing; To Do has no cancelled state), a `planned` one an open task.
 */
export function taskContentOf(fields: SyncedTask): TaskContent {
  return { title: fields.subject, notes: fields.notes, dueDate: fields.dueDate, completed: fields.status !== 'planned' };
}
