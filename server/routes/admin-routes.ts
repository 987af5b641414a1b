import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { erpIdSchema } from '../../src/domain/erp-records';
import { forbidden, notFound } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { errors, jsonBody, notFoundError, ok } from '../http/api-schemas';
import { forgetErpUser } from './actor';

const tags = ['Admin'];
const guid = z.string().regex(/^[0-9a-f-]{36}$/i, 'a GUID');

const adminUser = z
  .object({
    tenantId: z.string(), objectId: z.string(), email: z.string(), displayName: z.string(),
    erpUserIdOverride: z.string().optional(), firstSeenAt: z.string(), lastSeenAt: z.string(),
  })
  .meta({ id: 'AdminUser' });

function requireAdmin(c: Context<AppEnv>) {
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
