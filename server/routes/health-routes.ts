import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/app-env';

/** Liveness says the process answers; readiness says the store and every ERP answer too. */
export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200));
  app.get('/readyz', async (c) => {
    const failures: string[] = [];
    try {
      await deps.store.users.get({ tenantId: '00000000-0000-0000-0000-000000000000', objectId: '00000000-0000-0000-0000-000000000000' });
    } catch {
      failures.push('store');
    }
    await Promise.all(
      [...deps.environments.values()].map(async ({ config, erp }) => {
        try {
          await erp.ping();
        } catch {
          failures.push(`erp:${config.environment}`);
        }
      }),
    );
    if (failures.length) return c.json({ code: 'erp_unavailable', message: `not ready: ${failures.sort().join(', ')}` }, 503);
    return c.json({ status: 'ready' }, 200);
  });
}
