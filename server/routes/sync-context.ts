import type { Context } from 'hono';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';

/** The signed-in user's key, environment name and Graph access, or 503 when the bridge has no Graph. */
export function graphContext(c: Context<AppEnv>, deps: AppDeps) {
  const { tenantId, objectId, environment } = c.get('principal');
  if (!deps.graphAccess) throw new ApiError('unavailable', 503, 'this bridge has no access to Microsoft 365 configured');
  return { user: { tenantId, objectId }, environment, graphAccess: deps.graphAccess };
}

/** As `graphContext`, with the contact sync service too. */
export function syncContext(c: Context<AppEnv>, deps: AppDeps) {
  if (!deps.contactSync) throw new ApiError('unavailable', 503, 'sync is not available on this bridge');
  return { ...graphContext(c, deps), contactSync: deps.contactSync };
}

/** Sync runs only in environments a supervisor activated. */
export async function requireActivated(c: Context<AppEnv>, deps: AppDeps) {
  const environment = c.get('principal').environment;
  const activation = await deps.store.activations.get(environment);
  if (!activation?.syncActivated) {
    throw new ApiError('forbidden', 403, 'sync is not activated for this environment yet: an admin activates it in the Admin view');
  }
}
