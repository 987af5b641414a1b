import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { erpIdSchema } from '../../src/domain/erp-records';
import { findPolicyOutsideCeiling } from '../../src/domain/find-policy-outside-ceiling';
import { ApiError, forbidden, notFound } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { errors, jsonBody, notFoundError, ok, syncPolicy } from '../http/api-schemas';
import { readSyncPolicy } from '../policy/read-sync-policy';
import { forgetErpUser } from './actor';

const tags = ['Admin'];
const guid = z.string().regex(/^[0-9a-f-]{36}$/i, 'a GUID');

const adminUser = z
  .object({
    tenantId: z.string(), objectId: z.string(), email: z.string(), displayName: z.string(),
    erpUserIdOverride: z.string().optional(), firstSeenAt: z.string(), lastSeenAt: z.string(),
  })
  .meta({ id: 'AdminUser' });

export function requireAdmin(c: Context<AppEnv>) {
  if (!c.get('principal').isAdmin) throw forbidden('only admins of this environment can do this');
}

export function registerAdminRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/admin/users', tags, summary: "The environment's users (admins only)",
      responses: { 200: ok(z.object({ items: z.array(adminUser) }), 'The users'), ...errors },
    }),
    async (c) => {
      requireAdmin(c);
      const users = await deps.store.users.listByEnvironment(c.get('principal').environment);
      return c.json({ items: users.map(({ environment: _environment, ...user }) => user) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/api/admin/users/{tenantId}/{objectId}/erp-user', tags,
      summary: 'Map a user to an ERP user by hand, overriding the email match; null clears it (admins only)',
      request: { params: z.object({ tenantId: guid, objectId: guid }), ...jsonBody(z.object({ erpUserId: erpIdSchema.nullable() })) },
      responses: { 200: ok(adminUser, 'The user'), ...errors, ...notFoundError },
    }),
    async (c) => {
      requireAdmin(c);
      const key = c.req.valid('param');
      const { erpUserId } = c.req.valid('json');
      const user = await deps.store.users.get(key);
      // Another environment's user is reported as missing: admins see only their own environment.
      if (!user || user.environment !== c.get('principal').environment) throw notFound('user');
      if (erpUserId && !(await c.get('environment').erp.getUser(erpUserId))) throw notFound(`ERP user ${erpUserId}`);
      await deps.store.users.setErpUserOverride(key, erpUserId ?? undefined);
      forgetErpUser(deps, key.tenantId, key.objectId);
      const { environment: _environment, ...saved } = { ...user, erpUserIdOverride: erpUserId ?? undefined };
      return c.json(saved, 200);
    },
  );
}

const activation = z
  .object({ syncActivated: z.boolean(), applicationId: z.string(), changedBy: z.string().optional(), changedAt: z.string().optional() })
  .meta({ id: 'Activation' });
const environmentSchema = z
  .object({
    environment: z.string(), mode: z.enum(['delegated', 'app-only']), tenantId: z.string(), applicationId: z.string(),
    activation, adminConsentUrl: z.string(),
  })
  .meta({ id: 'AdminEnvironment' });
const userStatus = z
  .object({
    tenantId: z.string(), objectId: z.string(), email: z.string(), displayName: z.string(), lastSeenAt: z.string(),
    syncEnabled: z.boolean(), contactFolderName: z.string().optional(), connected: z.boolean(), openConflicts: z.number(),
    lastRun: z.object({ id: z.string(), status: z.string(), stage: z.string(), startedAt: z.string(), finishedAt: z.string().optional() }).optional(),
  })
  .meta({ id: 'AdminUserStatus' });

const adminSyncPolicy = z
  .object({
    /** In force: what users may choose now. */
    policy: syncPolicy,
    /** The configuration's `sync` block: the starting point, and the most the admin may allow. */
    configured: syncPolicy,
    /** Who saved the policy in force last; absent while it is the configuration's. */
    changedBy: z.string().optional(),
    changedAt: z.string().optional(),
  })
  .meta({ id: 'AdminSyncPolicy' });

/**
 * The Entra admin-consent link of an environment's app registration: an admin of the customer's
 * tenant grants the Graph permissions once for everyone (v2 endpoint, `.default` scope).
 */
export function adminConsentUrl(authority: string, tenantId: string, applicationId: string, redirectUri: string | undefined) {
  const url = new URL(`${authority.replace(/\/+$/, '')}/${tenantId}/v2.0/adminconsent`);
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', 'https://graph.microsoft.com/.default');
  if (redirectUri) url.searchParams.set('redirect_uri', redirectUri);
  return url.toString();
}

export function registerAdminSyncRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const describeEnvironment = async (c: Context<AppEnv>) => {
    const { config } = c.get('environment');
    const saved = await deps.store.activations.get(config.environment);
    return {
      environment: config.environment, mode: config.mode, tenantId: config.tenantId, applicationId: config.applicationId,
      activation: saved ? { syncActivated: saved.syncActivated, applicationId: saved.applicationId, changedBy: saved.changedBy, changedAt: saved.changedAt } : { syncActivated: false, applicationId: config.applicationId },
      // Entra returns the admin to a registered SPA redirect URI: the taskpane page (`npm run entra:app` registers it).
      adminConsentUrl: adminConsentUrl(
        deps.consentAuthority ?? deps.authority ?? 'https://login.microsoftonline.com',
        config.tenantId,
        config.applicationId,
        `${(deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '')}/taskpane.html`,
      ),
    };
  };

  app.openapi(
    createRoute({
      method: 'get', path: '/api/admin/environment', tags, summary: 'My environment: mode, app registration, sync activation and the admin-consent link (admins only)',
      responses: { 200: ok(environmentSchema, 'The environment'), ...errors },
    }),
    async (c) => {
      requireAdmin(c);
      return c.json(await describeEnvironment(c), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/api/admin/activation', tags,
      summary: 'Turn sync on or off for the environment, confirming the App ID of its app registration (admins only)',
      request: jsonBody(z.object({ syncActivated: z.boolean(), applicationId: guid })),
      responses: { 200: ok(environmentSchema, 'The environment'), ...errors },
    }),
    async (c) => {
      requireAdmin(c);
      const { syncActivated, applicationId } = c.req.valid('json');
      const { config } = c.get('environment');
      if (applicationId.toLowerCase() !== config.applicationId.toLowerCase()) {
        throw new ApiError('invalid_input', 400, `this App ID is not the environment's app registration; the bridge is configured with ${config.applicationId}`);
      }
      await deps.store.activations.put({
        environment: config.environment, syncActivated, applicationId: config.applicationId,
        changedBy: c.get('principal').email, changedAt: (deps.now?.() ?? new Date()).toISOString(),
      });
      return c.json(await describeEnvironment(c), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/admin/sync-status', tags, summary: 'Sync status of every user of the environment (admins only)',
      responses: { 200: ok(z.object({ items: z.array(userStatus) }), 'Per-user status'), ...errors },
    }),
    async (c) => {
      requireAdmin(c);
      const environment = c.get('principal').environment;
      const users = await deps.store.users.listByEnvironment(environment);
      const items = await Promise.all(
        users.map(async (user) => {
          const key = { tenantId: user.tenantId, objectId: user.objectId };
          const [settings, runs, conflicts, connected] = await Promise.all([
            deps.store.settings.get(key), deps.store.runs.listForUser(key, 1), deps.store.conflicts.listForUser(key, 'open'),
            deps.graphAccess?.isConnected(environment, key) ?? Promise.resolve(false),
          ]);
          const last = runs[0];
          return {
            tenantId: user.tenantId, objectId: user.objectId, email: user.email, displayName: user.displayName, lastSeenAt: user.lastSeenAt,
            syncEnabled: settings?.enabled ?? false, contactFolderName: settings?.contactFolderName, connected, openConflicts: conflicts.length,
            lastRun: last && { id: last.id, status: last.status, stage: last.stage, startedAt: last.startedAt, finishedAt: last.finishedAt },
          };
        }),
      );
      return c.json({ items: items.sort((a, b) => a.email.localeCompare(b.email)) }, 200);
    },
  );

  const describeSyncPolicy = async (c: Context<AppEnv>) => {
    const { policy, ceiling, stored } = await readSyncPolicy(deps.store, c.get('environment').config);
    return { policy, configured: ceiling, ...(stored ? { changedBy: stored.changedBy, changedAt: stored.changedAt } : {}) };
  };

  app.openapi(
    createRoute({
      method: 'get', path: '/api/admin/sync-policy', tags,
      summary: "The environment's sync policy: per collection, the directions and conflict policies users may choose and the defaults (admins only)",
      responses: { 200: ok(adminSyncPolicy, 'The sync policy'), ...errors },
    }),
    async (c) => {
      requireAdmin(c);
      return c.json(await describeSyncPolicy(c), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/api/admin/sync-policy', tags,
      summary: "Change the environment's sync policy within what its configuration allows; users' settings outside it read as the defaults from then on (admins only)",
      request: jsonBody(syncPolicy),
      responses: { 200: ok(adminSyncPolicy, 'The sync policy'), ...errors },
    }),
    async (c) => {
      requireAdmin(c);
      const policy = c.req.valid('json');
      const { config } = c.get('environment');
      const { ceiling } = await readSyncPolicy(deps.store, config);
      const refused = findPolicyOutsideCeiling(policy, ceiling);
      if (refused.length > 0) throw new ApiError('invalid_input', 400, `the configuration of this environment does not allow: ${refused.join('; ')}`);
      await deps.store.syncPolicies.put({ environment: config.environment, policy, changedBy: c.get('principal').email, changedAt: (deps.now?.() ?? new Date()).toISOString() });
      return c.json(await describeSyncPolicy(c), 200);
    },
  );
}
