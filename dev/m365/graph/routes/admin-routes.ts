import type { Contact, Event, TodoTask } from '@microsoft/microsoft-graph-types';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SeedContactFolder } from '../graph-emulator-options';
import type { GraphEmulatorAdmin } from '../graph-emulator-admin';
import type { GraphEnv } from '../graph-env';
import { GraphError } from '../graph-error';
import { readJsonBody } from '../read-json-body';

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const tenantSchema = z.object({ id: z.string().min(1), displayName: z.string().optional() });
/** Contact bodies are validated property by property when they are stored (`parseContactInput`). */
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const contactSeedSchema = z.custom<Contact>(isObject);
/** Event and task bodies are validated when they are stored, like contacts. */
const eventSeedSchema = z.custom<Event>(isObject);
const taskSeedSchema = z.custom<TodoTask>(isObject);
const folderSeedSchema: z.ZodType<SeedContactFolder> = z.lazy(() =>
  z.object({
    displayName: z.string().min(1),
    contacts: z.array(contactSeedSchema).optional(),
    childFolders: z.array(folderSeedSchema).optional(),
  }),
);
const mailboxSchema = z.object({
  tenantId: z.string().min(1),
  id: z.string().min(1),
  userPrincipalName: z.string().min(1),
  displayName: z.string().optional(),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  mail: z.string().optional(),
  contacts: z.array(contactSeedSchema).optional(),
  contactFolders: z.array(folderSeedSchema).optional(),
  events: z.array(eventSeedSchema).optional(),
  calendars: z.array(z.object({ name: z.string().min(1), events: z.array(eventSeedSchema).optional() })).optional(),
  tasks: z.array(taskSeedSchema).optional(),
  todoLists: z.array(z.object({ displayName: z.string().min(1), tasks: z.array(taskSeedSchema).optional() })).optional(),
});
const lifecycleSchema = z.object({ lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']) });
const moveSchema = z.object({ destinationFolderId: z.string().min(1) });
const throttlingSchema = z
  .object({
    concurrentRequests: z.number().int().positive(),
    requestsPerWindow: z.number().int().positive(),
    windowMs: z.number().positive(),
    fractionalRetryAfter: z.boolean(),
    concurrencyRetryAfterMs: z.number().positive(),
  })
  .partial()
  .strict();
const share = z.number().min(0).max(1);
const faultsSchema = z
  .object({
    seed: z.number().int(),
    throttledShare: share,
    serviceUnavailableShare: share,
    gatewayTimeoutShare: share,
    connectionResetShare: share,
    slowShare: share,
    slowMs: z.number().nonnegative(),
    retryAfterSeconds: z.number().positive(),
  })
  .partial()
  .strict();
const latencySchema = z.object({ latencyMs: z.number().nonnegative() });
const expireSchema = z.object({ mailbox: z.string().optional() });

async function body<T>(json: Promise<unknown>, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GraphError(400, 'invalid_input', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * The inspection API under `/_admin`: no authentication, so it answers loopback clients only.
 * Each route wraps one method of `GraphEmulatorAdmin`.
 */
export function createAdminRoutes(admin: GraphEmulatorAdmin): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.use('*', async (c, next) => {
    const remote = c.env.incoming?.socket.remoteAddress;
    if (remote !== undefined && !loopbackAddresses.has(remote)) {
      throw new GraphError(403, 'forbidden', 'The admin API answers loopback clients only.');
    }
    await next();
  });

  routes.get('/tenants', (c) => c.json(admin.listTenants()));
  routes.post('/tenants', async (c) => c.json(admin.addTenant(await body(readJsonBody(c), tenantSchema)), 201));
  routes.get('/mailboxes', (c) => c.json(admin.listMailboxes()));
  routes.post('/mailboxes', async (c) => {
    const { tenantId, ...mailbox } = await body(readJsonBody(c), mailboxSchema);
    return c.json(admin.addMailbox(tenantId, mailbox), 201);
  });
  routes.get('/mailboxes/:mailbox', (c) => c.json(admin.readMailbox(c.req.param('mailbox'))));
  routes.post('/mailboxes/:mailbox/contacts/:contactId/move', async (c) => {
    const { destinationFolderId } = await body(readJsonBody(c), moveSchema);
    return c.json(admin.moveContact(c.req.param('mailbox'), c.req.param('contactId'), destinationFolderId));
  });
  routes.get('/counters', (c) => c.json(admin.counters()));
  routes.post('/counters/reset', (c) => {
    admin.resetCounters();
    return c.json(admin.counters());
  });
  routes.get('/throttling', (c) => c.json(admin.throttling()));
  routes.put('/throttling', async (c) => c.json(admin.setThrottling(await body(readJsonBody(c), throttlingSchema))));
  routes.get('/faults', (c) => c.json(admin.faults()));
  routes.put('/faults', async (c) => c.json(admin.setFaults(await body(readJsonBody(c), faultsSchema))));
  routes.delete('/faults', (c) => c.json(admin.setFaults(undefined)));
  routes.get('/latency', (c) => c.json({ latencyMs: admin.latencyMs() }));
  routes.put('/latency', async (c) => c.json({ latencyMs: admin.setLatencyMs((await body(readJsonBody(c), latencySchema)).latencyMs) }));
  routes.post('/delta-tokens/expire', async (c) => {
    // The body is optional here; Hono caches it, so readJsonBody can read it again.
    const empty = (await c.req.text()).trim() === '';
    const { mailbox } = await body(empty ? Promise.resolve({}) : readJsonBody(c), expireSchema);
    return c.json({ expired: admin.expireDeltaTokens(mailbox) });
  });
  routes.get('/subscriptions', (c) => c.json(admin.subscriptions()));
  routes.post('/subscriptions/:subscriptionId/lifecycle', async (c) => {
    const { lifecycleEvent } = await body(readJsonBody(c), lifecycleSchema);
    return c.json(admin.triggerLifecycleEvent(c.req.param('subscriptionId'), lifecycleEvent));
  });
  routes.post('/subscriptions/:subscriptionId/expire', (c) => {
    admin.expireSubscription(c.req.param('subscriptionId'));
    return c.body(null, 204);
  });
  routes.get('/notifications', (c) => c.json(admin.notifications()));
  routes.post('/notifications/settle', async (c) => {
    await admin.settleNotifications();
    return c.json(admin.notifications());
  });
  return routes;
}
