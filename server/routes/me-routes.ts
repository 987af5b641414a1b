import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { findSettingsOutsidePolicy } from '../../src/domain/find-settings-outside-policy';
import { withPolicyDefaults } from '../../src/domain/with-policy-defaults';
import { ApiError } from '../http/api-error';
import { readSyncPolicy } from '../policy/read-sync-policy';
import { readUserSettings } from '../policy/read-user-settings';
import type { AppDeps, AppEnv } from '../http/app-env';
import { erpUser, errors, jsonBody, ok, syncPolicy, syncSettings, syncSettingsInput } from '../http/api-schemas';
import { erpUserOf } from './actor';

const tags = ['Me'];

const meSchema = z
  .object({
    user: z.object({ tenantId: z.string(), objectId: z.string(), email: z.string(), name: z.string() }),
    environment: z.object({
      name: z.string(),
      mode: z.enum(['delegated', 'app-only']),
      /** A supervisor turned sync on for the environment (the Admin view); until then settings are kept but nothing runs. */
      syncActivated: z.boolean(),
      /** What the environment lets users choose per collection; `settings` is always within it. */
      syncPolicy,
    }),
    erpUser: erpUser.nullable(),
    isAdmin: z.boolean(),
    settings: syncSettings,
  })
  .meta({ id: 'Me' });

const auditEntry = z
  .object({ id: z.number(), action: z.string(), targetType: z.string(), targetId: z.string(), details: z.record(z.string(), z.unknown()), at: z.string() })
  .meta({ id: 'AuditEntry' });

const run = z
  .object({
    id: z.string(), kind: z.string(), status: z.string(), stage: z.string(), done: z.number(), total: z.number(),
    startedAt: z.string(), finishedAt: z.string().optional(), report: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Run' });

export function registerMeRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const userKey = (c: { get(key: 'principal'): AppEnv['Variables']['principal'] }) => {
    const { tenantId, objectId } = c.get('principal');
    return { tenantId, objectId };
  };

  app.openapi(
    createRoute({
      method: 'get', path: '/api/me', tags, summary: 'The signed-in user, their environment, mapped ERP user and sync settings',
      responses: { 200: ok(meSchema, 'The current user'), ...errors },
    }),
    async (c) => {
      const principal = c.get('principal');
      const environment = c.get('environment');
      const [settings, { policy }] = await Promise.all([readUserSettings(deps.store, environment.config, userKey(c)), readSyncPolicy(deps.store, environment.config)]);
      return c.json(
        {
          user: { tenantId: principal.tenantId, objectId: principal.objectId, email: principal.email, name: principal.name },
          environment: {
            name: environment.config.environment,
            mode: environment.config.mode,
            syncActivated: (await deps.store.activations.get(environment.config.environment))?.syncActivated ?? false,
            syncPolicy: policy,
          },
          erpUser: (await erpUserOf(c, deps)) ?? null,
          isAdmin: principal.isAdmin,
          settings,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/me/settings', tags,
      summary: "My sync settings, within the environment's sync policy (a value the admin no longer allows reads as the default)",
      responses: { 200: ok(syncSettings, 'The settings'), ...errors },
    }),
    async (c) => c.json(await readUserSettings(deps.store, c.get('environment').config, userKey(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/api/me/settings', tags,
      summary: "Replace my sync settings; a direction or conflict policy outside the environment's sync policy is refused (400), one left out is the default",
      request: jsonBody(syncSettingsInput),
      responses: { 200: ok(syncSettings, 'The saved settings'), ...errors },
    }),
    async (c) => {
      const { policy } = await readSyncPolicy(deps.store, c.get('environment').config);
      const settings = withPolicyDefaults(c.req.valid('json'), policy);
      const refused = findSettingsOutsidePolicy(settings, policy);
      if (refused.length > 0) throw new ApiError('invalid_input', 400, `outside this environment's sync policy: ${refused.join('; ')}`);
      await deps.store.settings.put(userKey(c), settings, (deps.now?.() ?? new Date()).toISOString());
      return c.json(settings, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/me/audit', tags, summary: 'What I wrote into the ERP, newest first',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(25), before: z.coerce.number().int().min(1).optional() }) },
      responses: { 200: ok(z.object({ items: z.array(auditEntry) }), 'My audit log'), ...errors },
    }),
    async (c) => {
      const { limit, before } = c.req.valid('query');
      const entries = await deps.store.audit.listForUser(userKey(c), { limit, beforeId: before });
      return c.json({ items: entries.map(({ id, action, targetType, targetId, details, at }) => ({ id, action, targetType, targetId, details, at })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/me/runs', tags, summary: 'My sync runs, newest first',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
      responses: { 200: ok(z.object({ items: z.array(run) }), 'My runs'), ...errors },
    }),
    async (c) => {
      const runs = await deps.store.runs.listForUser(userKey(c), c.req.valid('query').limit);
      return c.json({ items: runs.map(({ user: _user, ...rest }) => rest) }, 200);
    },
  );
}
