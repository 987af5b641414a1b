import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { GraphEnv } from '../graph-env';
import { GraphError, invalidRequestBody } from '../graph-error';
import { listPageSize, type PagingConfig } from '../graph-paging';
import { mailboxContext, sendGraphJson } from '../graph-response';
import { readJsonBody } from '../read-json-body';
import { readQueryOptions } from '../read-query-options';
import { renderTodoList } from '../render-todo';
import { withQueryOption } from '../with-query-option';

const listInputSchema = z.strictObject({ displayName: z.string().trim().min(1) });
const ignored = new Set(['id', 'isOwner', 'isShared', 'wellknownListName']);

function parseListInput(body: unknown): { displayName: string } {
  const cleaned =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([name]) => !name.startsWith('@odata.') && !ignored.has(name)))
      : body;
  const parsed = listInputSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw invalidRequestBody(`The property '${issue.keys[0] ?? ''}' does not exist on type 'microsoft.graph.todoTaskList'.`);
  }
  throw new GraphError(400, 'invalidRequest', 'A task list needs a non-empty displayName.');
}

const entityContext = (c: Context<GraphEnv>) => mailboxContext(c, 'todo/lists/$entity');

/** To Do lists: list, create, get, rename and delete (not the default list, "Tasks"). */
export function createTodoListRoutes(paging: PagingConfig): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.get('/todo/lists', (c) => {
    const url = new URL(c.req.url);
    const query = readQueryOptions(url, ['$top', '$skip']);
    const lists = c.get('mailbox').todo.listLists();
    const top = listPageSize(query.top, paging);
    const skip = query.skip ?? 0;
    return sendGraphJson(c, {
      '@odata.context': mailboxContext(c, 'todo/lists'),
      ...(skip + top < lists.length ? { '@odata.nextLink': withQueryOption(url, '$skip', String(skip + top)) } : {}),
      value: lists.slice(skip, skip + top).map((list) => renderTodoList(list)),
    });
  });
  routes.post('/todo/lists', async (c) => {
    const { displayName } = parseListInput(await readJsonBody(c));
    return sendGraphJson(c, renderTodoList(c.get('mailbox').todo.createList(displayName), entityContext(c)), { status: 201 });
  });
  routes.get('/todo/lists/delta', () => {
    throw new GraphError(400, 'BadRequest', 'The emulator does not implement todoTaskList delta; list /todo/lists instead.');
  });
  routes.get('/todo/lists/:listId', (c) => sendGraphJson(c, renderTodoList(c.get('mailbox').todo.requireList(c.req.param('listId')), entityContext(c))));
  routes.patch('/todo/lists/:listId', async (c) => {
    const { displayName } = parseListInput(await readJsonBody(c));
    return sendGraphJson(c, renderTodoList(c.get('mailbox').todo.renameList(c.req.param('listId'), displayName), entityContext(c)));
  });
  routes.delete('/todo/lists/:listId', (c) => {
    c.get('mailbox').todo.deleteList(c.req.param('listId'));
    return c.body(null, 204);
  });
  return routes;
}
