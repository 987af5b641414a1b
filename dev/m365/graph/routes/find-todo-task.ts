import type { Context } from 'hono';
import type { GraphEnv } from '../graph-env';
import { itemNotFound } from '../graph-error';
import type { TodoListRecord, TodoTaskRecord } from '../todo-record';

/** The list named by `:listId`. */
export function findTodoList(c: Context<GraphEnv>): TodoListRecord {
  return c.get('mailbox').todo.requireList(c.req.param('listId') ?? '');
}

/** The task named by `:taskId`, of the list in the path; a task of another list is not found. */
export function findTodoTask(c: Context<GraphEnv>): TodoTaskRecord {
  const list = findTodoList(c);
  const task = c.get('mailbox').todo.task(c.req.param('taskId') ?? '');
  if (!task || task.listId !== list.id) throw itemNotFound();
  return task;
}
