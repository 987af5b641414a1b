import { Hono, type Context } from 'hono';
import { assertIfMatch } from '../assert-if-match';
import { compileTodoTaskFilter } from '../compile-todo-task-filter';
import type { GraphEnv } from '../graph-env';
import { GraphError } from '../graph-error';
import { listPageSize, type PagingConfig } from '../graph-paging';
import { mailboxContext, sendGraphJson } from '../graph-response';
import { parseODataFilter } from '../parse-odata-filter';
import { parseTodoTaskInput } from '../parse-todo-task-input';
import { readJsonBody } from '../read-json-body';
import { readQueryOptions } from '../read-query-options';
import { renderTodoTask } from '../render-todo';
import type { TodoListRecord } from '../todo-record';
import { withQueryOption } from '../with-query-option';
import { findTodoList, findTodoTask } from './find-todo-task';
import { taskRenderOptions } from './task-render-options';

const taskEntityContext = (c: Context<GraphEnv>, list: TodoListRecord) => mailboxContext(c, `todo/lists('${list.id}')/tasks/$entity`);

/**
 * Tasks of a To Do list: list (`$top`, `$skip`, `$select`, `$filter`, `$expand=linkedResources`),
 * create (with `linkedResources` in the body), get, PATCH (with `If-Match`) and DELETE.
 */
export function createTodoTaskRoutes(paging: PagingConfig): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  const path = '/todo/lists/:listId/tasks';

  routes.get(path, (c) => {
    const url = new URL(c.req.url);
    const query = readQueryOptions(url, ['$top', '$skip', '$select', '$filter', '$expand']);
    const { render, send } = taskRenderOptions(c, query);
    const list = findTodoList(c);
    const matches = query.filter === undefined ? () => true : compileTodoTaskFilter(parseODataFilter(query.filter));
    const tasks = c.get('mailbox').todo.tasksIn(list.id).filter(matches);
    const top = listPageSize(query.top, paging);
    const skip = query.skip ?? 0;
    return sendGraphJson(
      c,
      {
        '@odata.context': mailboxContext(c, `todo/lists('${list.id}')/tasks`),
        ...(skip + top < tasks.length ? { '@odata.nextLink': withQueryOption(url, '$skip', String(skip + top)) } : {}),
        value: tasks.slice(skip, skip + top).map((task) => renderTodoTask(task, render)),
      },
      send,
    );
  });

  routes.post(path, async (c) => {
    const list = findTodoList(c);
    const input = parseTodoTaskInput(await readJsonBody(c));
    const task = c.get('mailbox').todo.createTask(list.id, input);
    const { render, send } = taskRenderOptions(c);
    const linkedResources = input.linkedResources.length > 0;
    return sendGraphJson(c, renderTodoTask(task, { ...render, linkedResources, context: taskEntityContext(c, list) }), { ...send, status: 201 });
  });

  routes.get(`${path}/:taskId`, (c) => {
    const query = readQueryOptions(new URL(c.req.url), ['$select', '$expand']);
    const { render, send } = taskRenderOptions(c, query);
    return sendGraphJson(c, renderTodoTask(findTodoTask(c), { ...render, context: taskEntityContext(c, findTodoList(c)) }), send);
  });

  routes.patch(`${path}/:taskId`, async (c) => {
    const task = findTodoTask(c);
    const input = parseTodoTaskInput(await readJsonBody(c));
    if (input.linkedResources.length > 0) {
      throw new GraphError(400, 'invalidRequest', 'Linked resources of an existing task are written at /tasks/{id}/linkedResources.');
    }
    assertIfMatch(c, task);
    const updated = c.get('mailbox').todo.updateTask(task, input);
    const { render, send } = taskRenderOptions(c);
    return sendGraphJson(c, renderTodoTask(updated, { ...render, context: taskEntityContext(c, findTodoList(c)) }), send);
  });

  routes.delete(`${path}/:taskId`, (c) => {
    const task = findTodoTask(c);
    assertIfMatch(c, task);
    c.get('mailbox').todo.deleteTask(task);
    return c.body(null, 204);
  });
  return routes;
}
