import type { TodoTask } from '@microsoft/microsoft-graph-types';
import type { TaskContent } from '../../sync/tasks/task-content';
import { toGraphDueDate } from './to-graph-due-date';

/**
 * The Graph properties of the task fields given: the body as text (markup stays text, never HTML),
 * the due date as a date (`toGraphDueDate`), and the status
 * `completed` or `notStarted`.
 */
export function toGraphTask(content: Partial<TaskContent>): TodoTask {
  const task: TodoTask = {};
  if (content.title !== undefined) task.title = content.title;
  if (content.notes !== undefined) task.body = { contentType: 'text', content: content.notes };
  if (content.dueDate !== undefined) task.dueDateTime = content.dueDate === null ? null : toGraphDueDate(content.dueDate);
  if (content.completed !== undefined) task.status = content.completed ? 'completed' : 'notStarted';
  return task;
}
