import { effectiveSyncPolicy } from '../../src/domain/effective-sync-policy';
import type { SyncPolicy } from '../../src/domain/sync-policy';
import type { EnvironmentConfig } from '../config/config-schema';
import type { EnvironmentSyncPolicy, Store } from '../store/store';

export interface SyncPolicyReading {
  /** What users of the environment may choose now. */
  policy: SyncPolicy;
  /** The configuration's `sync` block: the admin's starting point and ceiling. */
  ceiling: SyncPolicy;
  /** The admin's saved choice, if any. */
  stored?: EnvironmentSyncPolicy;
}

/** The sync policy in force in an environment: the admin's stored choice within the configuration's `sync` block. */
export async function readSyncPolicy(store: Pick<Store, 'syncPolicies'>, config: EnvironmentConfig): Promise<SyncPolicyReading> {
  const { contacts, events, tasks } = config.sync;
  const ceiling = { contacts, events, tasks };
  const stored = await store.syncPolicies.get(config.environment);
  return { policy: effectiveSyncPolicy(ceiling, stored?.policy), ceiling, ...(stored ? { stored } : {}) };
}
