import type { Context } from 'hono';
import type { ErpActor } from '../../src/domain/erp-port';
import type { ErpUser } from '../../src/domain/erp-records';
import type { AppDeps, AppEnv } from '../http/app-env';

const cacheMs = 60_000;
const caches = new WeakMap<AppDeps, Map<string, { user: ErpUser | undefined; expires: number }>>();

/**
 * The ERP user of the signed-in person: the admin's override if set, else, for a member of the
 * tenant, the ERP user with the same email (UPN). A guest's email is whatever their home directory
 * says, so a guest has an ERP user only once an admin maps them. Cached for a minute.
 */
export async function erpUserOf(c: Context<AppEnv>, deps: AppDeps): Promise<ErpUser | undefined> {
  const principal = c.get('principal');
  const key = `${principal.tenantId}:${principal.objectId}`;
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) return hit.user;
  const erp = c.get('environment').erp;
  const record = await deps.store.users.get({ tenantId: principal.tenantId, objectId: principal.objectId });
  const override = record?.erpUserIdOverride;
  const user = override ? await erp.getUser(override) : principal.isGuest ? undefined : await erp.findUserByEmail(principal.email);
  cache.set(key, { user, expires: Date.now() + cacheMs });
  return user;
}

/** Forgets cached mappings after an admin changes one. */
export function forgetErpUser(deps: AppDeps, tenantId: string, objectId: string) {
  caches.get(deps)?.delete(`${tenantId}:${objectId}`);
}

export async function actorOf(c: Context<AppEnv>, deps: AppDeps): Promise<ErpActor> {
  const user = await erpUserOf(c, deps);
  return { erpUserId: user?.id, email: c.get('principal').email };
}

export async function viewerOf(c: Context<AppEnv>, deps: AppDeps): Promise<string> {
  // A person with no ERP user sees no private action: the empty id matches no owner.
  return (await erpUserOf(c, deps))?.id ?? '';
}

const seenMs = 5 * 60_000;
const seen = new WeakMap<AppDeps, Map<string, number>>();

/**
 * Records the signed-in user in the store (every per-user row refers to it) and refreshes
 * `lastSeenAt`, at most every five minutes per user so reads stay free of writes.
 */
export async function rememberUser(c: Context<AppEnv>, deps: AppDeps): Promise<void> {
  const principal = c.get('principal');
  const key = `${principal.tenantId}:${principal.objectId}`;
  let times = seen.get(deps);
  if (!times) seen.set(deps, (times = new Map()));
  if ((times.get(key) ?? 0) > Date.now()) return;
  await deps.store.users.upsert(
    { tenantId: principal.tenantId, objectId: principal.objectId, environment: principal.environment, email: principal.email, displayName: principal.name, isGuest: principal.isGuest },
    (deps.now?.() ?? new Date()).toISOString(),
  );
  times.set(key, Date.now() + seenMs);
}
