import type { OutlookTask } from './outlook-task';
import type { TaskImport } from './task-import';
import type { TaskLink } from './task-link';

export interface TaskImportInput {
  direction: 'erp-to-outlook' | 'two-way';
  outlookChanged: readonly OutlookTask[];
  links: readonly TaskLink[];
}

const isErpCategory = (category: string) => category.trim().toLowerCase() === 'erp';

/**
 * The tasks of the list the user made themselves and categorized `ERP`: each becomes an action of
 * the mailbox's ERP user (two-way only). A task of the user's without that category, or one
 * carrying any tag (ours or another environment's), is never read into the ERP. Sorted by task id.
 *
 * @example planTaskImports({ direction: 'two-way', outlookChanged: round.changed, links })
 */
export function planTaskImports(input: TaskImportInput): TaskImport[] {
  if (input.direction !== 'two-way') return [];
  const linked = new Set(input.links.map((link) => link.outlookId));
  return input.outlookChanged
    .filter((task) => task.tag === undefined && !linked.has(task.id) && task.categories.some(isErpCategory) && task.title.trim() !== '')
    .sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
    .map((task) => ({
      outlookId: task.id,
      sourceKey: `todo:${task.id}`,
      input: {
        type: 'task', subject: task.title.trim().slice(0, 255), notes: task.notes.trim().slice(0, 100_000),
        ...(task.dueDate === null ? {} : { dueDate: task.dueDate }),
        allDay: false, timeZone: 'UTC', status: task.completed ? 'done' : 'planned', private: false,
      },
    }));
}
