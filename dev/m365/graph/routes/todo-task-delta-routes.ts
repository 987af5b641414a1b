import { Hono } from 'hono';
import type { GraphEnv } from '../graph-env';
import { deltaPageSize, type PagingConfig } from '../graph-paging';
import { sendGraphJson, serviceRoot } from '../graph-response';
import { parsePreferHeader } from '../parse-prefer-header';
import { parseSelect } from '../parse-select';
import { deltaTokenOf, readDeltaRoundPage } from '../read-delta-round-page';
import { readQueryOptions } from '../read-query-options';
import { renderTodoTask, todoTaskPropertyNames } from '../render-todo';
import { findTodoList } from './find-todo-task';
import { parseTaskExpand, taskRenderOptions } from './task-render-options';

/**
 * `GET /todo/lists/{id}/tasks/delta`: rounds of pages per list, as for contacts. `$select` and
 * `$expand=linkedResources` are read on the first request and carried by the tokens; `$top` sets
 * the page size when `Prefer: odata.maxpagesize` does not. `$filter` and `$orderby` are refused:
 * the reference page lists them with `receivedDateTime`, which a task does not have.
 */
export function createTodoTaskDeltaRoutes(paging: PagingConfig): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.get('/todo/lists/:listId/tasks/delta', (c) => {
    const url = new URL(c.req.url);
    const query = readQueryOptions(url, ['$select', '$expand', '$top', '$skiptoken', '$deltatoken']);
    const list = findTodoList(c);
    const mailbox = c.get('mailbox');
    const store = mailbox.todo;
    const preferred = deltaPageSize(parsePreferHeader(c.req.header('prefer')), paging);
    const pageSize = preferred.requested || query.top === undefined ? preferred.pageSize : Math.min(Math.max(query.top, 1), paging.deltaMaxPageSize);
    const token = deltaTokenOf(query);
    const base = `${url.origin}${url.pathname}`;
    const page = readDeltaRoundPage(
      {
        tokens: store.deltaTokens,
        mintToken: () => mailbox.ids.deltaToken(),
        sequence: mailbox.sequence,
        present: () => store.tasksIn(list.id).map((task) => ({ sequence: mailbox.sequence, itemKey: task.id, restId: task.id })),
        changedBetween: (_options, since, until) => store.changeLog.changedBetween(list.id, since, until),
      },
      {
        scope: list.id,
        token,
        startOptions: () => ({
          select: parseSelect(query.select, todoTaskPropertyNames, 'todoTask'),
          expandLinkedResources: parseTaskExpand(query.expand),
        }),
        pageSize,
        resetLocation: `${base}?$deltatoken=`,
      },
    );

    const { render, send } = taskRenderOptions(c);
    const options = { ...render, select: page.options.select ? new Set(page.options.select) : undefined, linkedResources: page.options.expandLinkedResources };
    const value = page.changes.flatMap((change) => {
      const task = store.task(change.itemKey);
      if (task && task.listId === list.id) return [renderTodoTask(task, options)];
      return page.initial ? [] : [{ '@odata.type': '#microsoft.graph.todoTask', id: change.restId, '@removed': { reason: 'deleted' } }];
    });
    const link =
      page.link.kind === 'next'
        ? { '@odata.nextLink': `${base}?$skiptoken=${page.link.skipToken}` }
        : { '@odata.deltaLink': `${base}?$deltatoken=${page.link.deltaToken}` };
    return sendGraphJson(
      c,
      { '@odata.context': `${serviceRoot(c)}/$metadata#Collection(todoTask)`, ...link, value },
      { ...send, appliedPageSize: preferred.requested ? pageSize : undefined },
    );
  });
  return routes;
}
