import { Hono, type Context } from 'hono';
import type { GraphEnv } from '../graph-env';
import { itemNotFound } from '../graph-error';
import { mailboxContext, sendGraphJson } from '../graph-response';
import { parseLinkedResourceInput } from '../parse-todo-task-input';
import { readJsonBody } from '../read-json-body';
import { readQueryOptions } from '../read-query-options';
import { renderLinkedResource } from '../render-todo';
import type { LinkedResourceRecord } from '../todo-record';
import { findTodoTask } from './find-todo-task';

const context = (c: Context<GraphEnv>, entity: boolean) =>
  mailboxContext(c, `todo/lists('${c.req.param('listId') ?? ''}')/tasks('${c.req.param('taskId') ?? ''}')/linkedResources${entity ? '/$entity' : ''}`);

function findLinkedResource(c: Context<GraphEnv>): LinkedResourceRecord {
  const resource = findTodoTask(c).linkedResources.find((candidate) => candidate.id === c.req.param('linkedResourceId'));
  if (!resource) throw itemNotFound();
  return resource;
}

/**
 * A task's linked resources (`externalId`, `applicationName`, `displayName`, `webUrl`): list,
 * create, get, PATCH and DELETE. Each write changes the task (new etag, a delta entry) [I].
 */
export function createLinkedResourceRoutes(): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  const path = '/todo/lists/:listId/tasks/:taskId/linkedResources';
  routes.get(path, (c) => {
    readQueryOptions(new URL(c.req.url), []);
    return sendGraphJson(c, { '@odata.context': context(c, false), value: findTodoTask(c).linkedResources.map((resource) => renderLinkedResource(resource)) });
  });
  routes.post(path, async (c) => {
    const task = findTodoTask(c);
    const resource = c.get('mailbox').todo.addLinkedResource(task, parseLinkedResourceInput(await readJsonBody(c)));
    return sendGraphJson(c, renderLinkedResource(resource, context(c, true)), { status: 201 });
  });
  routes.get(`${path}/:linkedResourceId`, (c) => sendGraphJson(c, renderLinkedResource(findLinkedResource(c), context(c, true))));
  routes.patch(`${path}/:linkedResourceId`, async (c) => {
    const resource = findLinkedResource(c);
    const updated = c.get('mailbox').todo.updateLinkedResource(findTodoTask(c), resource, parseLinkedResourceInput(await readJsonBody(c)));
    return sendGraphJson(c, renderLinkedResource(updated, context(c, true)));
  });
  routes.delete(`${path}/:linkedResourceId`, (c) => {
    const resource = findLinkedResource(c);
    c.get('mailbox').todo.deleteLinkedResource(findTodoTask(c), resource);
    return c.body(null, 204);
  });
  return routes;
}
