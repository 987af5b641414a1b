import type { UserKey } from './store';

/** The columns that scope every per-user query: `.where((eb) => eb.and(userFilter(key)))`. */
export function userFilter(key: UserKey): { tenant_id: string; object_id: string } {
  return { tenant_id: key.tenantId, object_id: key.objectId };
}
