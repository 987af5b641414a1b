import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import type { ApplicationMailboxScopes } from './application-mailbox-scopes';
import { canonicalizeGraphPath } from './canonicalize-graph-path';
import type { DirectoryApplication } from './directory-application';
import type { EmulatorCounters } from './emulator-counters';
import type { EmulatorState } from './emulator-state';
import type { FaultInjector } from './fault-injector';
import type { GraphEmulatorAdmin } from './graph-emulator-admin';
import type { GraphBindings, GraphEnv } from './graph-env';
import { GraphError, graphErrorBody } from './graph-error';
import type { PagingConfig } from './graph-paging';
import type { MailboxThrottle } from './mailbox-throttle';
import { assignRequestIds } from './middleware/assign-request-ids';
import { authenticate, type VerifyToken } from './middleware/authenticate';
import { enforceApplicationScope } from './middleware/enforce-application-scope';
import { injectFaults } from './middleware/inject-faults';
import { calendarsRead, calendarsWrite, tasksRead, tasksWrite } from './graph-permissions';
import { requireContactsPermission } from './middleware/require-contacts-permission';
import { requirePermission } from './middleware/require-permission';
import { resolveMailbox } from './middleware/resolve-mailbox';
import { interceptArrivals, type ServiceLatency, throttleMailbox } from './middleware/throttle-mailbox';
import { createAdminRoutes } from './routes/admin-routes';
import { createApplicationRoutes } from './routes/application-routes';
import { createBatchRoutes } from './routes/batch-routes';
import { createCalendarRoutes } from './routes/calendar-routes';
import { createCalendarViewRoutes } from './routes/calendar-view-routes';
import { createContactDeltaRoutes } from './routes/contact-delta-routes';
import { createContactFolderRoutes } from './routes/contact-folder-routes';
import { createContactRoutes } from './routes/contact-routes';
import { createEventRoutes } from './routes/event-routes';
import { createLinkedResourceRoutes } from './routes/linked-resource-routes';
import { createTodoListRoutes } from './routes/todo-list-routes';
import { createTodoTaskDeltaRoutes } from './routes/todo-task-delta-routes';
import { createTodoTaskRoutes } from './routes/todo-task-routes';
import { createSubscriptionRoutes } from './routes/subscription-routes';
import { createUserRoutes } from './routes/user-routes';
import type { SubscriptionRegistry } from './subscription-registry';

export interface GraphAppDeps {
  state: EmulatorState;
  counters: EmulatorCounters;
  throttle: MailboxThrottle;
  faults: FaultInjector;
  service: ServiceLatency;
  paging: PagingConfig;
  subscriptions: SubscriptionRegistry;
  verifyToken: VerifyToken;
  admin: GraphEmulatorAdmin;
  now: () => number;
  /** RBAC for Applications: the mailboxes each scoped app may reach. */
  applicationScopes: ApplicationMailboxScopes;
  /** App registrations of the identity directory, for `/applications`. */
  applications: () => readonly DirectoryApplication[];
}

export type GraphFetch = (request: Request, env?: GraphBindings) => Promise<Response>;

/**
 * The routes under `/me` and `/users/{id}`. Outlook routes (contacts, calendars, To Do) share
 * Exchange's checks: the permission of the resource, the mailbox, and the per app-and-mailbox throttle.
 */
function createMailboxRoutes(deps: GraphAppDeps): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  const mailboxGuards = [resolveMailbox(deps.state, 'mailbox'), enforceApplicationScope(deps.applicationScopes), throttleMailbox(deps.throttle, deps.counters, deps.service)];
  const calendarGuards = [requirePermission(calendarsRead, calendarsWrite), ...mailboxGuards];
  routes.use('/contacts/*', requireContactsPermission, ...mailboxGuards);
  routes.use('/contactFolders/*', requireContactsPermission, ...mailboxGuards);
  for (const path of ['/calendar/*', '/calendars/*', '/events/*', '/calendarView/*']) routes.use(path, ...calendarGuards);
  routes.use('/todo/*', requirePermission(tasksRead, tasksWrite), ...mailboxGuards);
  routes.route('/', createUserRoutes(deps.state));
  // Delta routes first: `/contacts/delta` must not be read as a contact id.
  routes.route('/', createContactDeltaRoutes(deps.paging));
  routes.route('/', createContactFolderRoutes(deps.paging));
  routes.route('/', createContactRoutes(deps.paging));
  routes.route('/', createCalendarViewRoutes(deps.paging));
  routes.route('/', createCalendarRoutes(deps.paging));
  routes.route('/', createEventRoutes(deps.paging));
  routes.route('/', createTodoListRoutes(deps.paging));
  routes.route('/', createTodoTaskDeltaRoutes(deps.paging));
  routes.route('/', createTodoTaskRoutes(deps.paging));
  routes.route('/', createLinkedResourceRoutes());
  return routes;
}

/**
 * The emulator as a fetch function: `/v1.0` (Graph) and `/_admin` (inspection). Graph errors are
 * rendered once, here, with Graph's body and the request's ids.
 */
export function createGraphApp(deps: GraphAppDeps): GraphFetch {
  const app = new Hono<GraphEnv>({ getPath: (request) => canonicalizeGraphPath(new URL(request.url).pathname) });

  app.onError((error, c) => {
    const ids = { requestId: c.get('requestId') ?? randomUUID(), clientRequestId: c.get('clientRequestId') ?? randomUUID() };
    if (error instanceof GraphError) {
      const body = graphErrorBody(error.code, error.message, ids, deps.now());
      return c.json(body, error.status, { ...error.headers, 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId });
    }
    console.error('graph emulator: unexpected error', error);
    return c.json(graphErrorBody('generalException', 'General exception while processing.', ids, deps.now()), 500);
  });
  app.notFound((c) => {
    const segment = new URL(c.req.url).pathname.split('/').filter(Boolean).pop() ?? '';
    return c.json(graphErrorBody('BadRequest', `Resource not found for the segment '${segment}'.`, {
      requestId: c.get('requestId') ?? randomUUID(),
      clientRequestId: c.get('clientRequestId') ?? randomUUID(),
    }, deps.now()), 400);
  });

  app.route('/_admin', createAdminRoutes(deps.admin));

  const countRequests: MiddlewareHandler<GraphEnv> = async (_c, next) => {
    deps.counters.countRequest();
    await next();
  };
  const graph = new Hono<GraphEnv>();
  graph.use('*', assignRequestIds, countRequests, interceptArrivals(deps.service), injectFaults(deps.faults, deps.counters), authenticate(deps.verifyToken));
  const fetch: GraphFetch = async (request, env = {}) => app.fetch(request, env);
  graph.route('/', createBatchRoutes((request) => fetch(request, { batchItem: true }), deps.counters, deps.now));
  graph.route('/', createSubscriptionRoutes(deps.subscriptions));
  graph.route('/', createApplicationRoutes(deps.applications));
  const mailboxRoutes = createMailboxRoutes(deps);
  graph.route('/me', mailboxRoutes);
  graph.route('/users/:userId', mailboxRoutes);
  app.route('/v1.0', graph);
  return fetch;
}
