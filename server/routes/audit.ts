import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';

/** Records who wrote what into the ERP, for the user's history and the admin. */
export async function audit(c: Context<AppEnv>, deps: AppDeps, action: string, targetId: string, details: Record<string, unknown> = {}) {
  const principal = c.get('principal');
  await deps.store.audit.append({
    user: { tenantId: principal.tenantId, objectId: principal.objectId },
    environment: principal.environment,
    action,
    targetType: action.split('.')[0] ?? action,
    targetId,
    details,
    at: (deps.now?.() ?? new Date()).toISOString(),
  });
}
