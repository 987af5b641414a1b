import { policyDefaultsOf } from '../../src/domain/policy-defaults-of';
import { resolveSyncSettings } from '../../src/domain/resolve-sync-settings';
import { defaultSyncSettings, type SyncSettings } from '../../src/domain/sync-settings';
import type { EnvironmentConfig } from '../config/config-schema';
import type { Store, UserKey } from '../store/store';
import { readSyncPolicy } from './read-sync-policy';

/**
 * A user's settings as sync runs them and the pane shows them: the policy's defaults for a user
 * who never saved any, and a saved value the admin has since stopped allowing brought back to
 * the default (at read time: the stored choice comes back if the admin allows it again).
 */
export async function readUserSettings(store: Pick<Store, 'settings' | 'syncPolicies'>, config: EnvironmentConfig, user: UserKey): Promise<SyncSettings> {
  const [{ policy }, saved] = await Promise.all([readSyncPolicy(store, config), store.settings.get(user)]);
  return resolveSyncSettings(saved ?? { ...defaultSyncSettings, ...policyDefaultsOf(policy) }, policy);
}
