import { collectionSettingKeys } from './collection-setting-keys';
import { syncCollections, type SyncPolicy } from './sync-policy';
import type { SyncSettings } from './sync-settings';

/**
 * The settings sync runs with: a direction or conflict policy the environment no longer allows
 * (the admin narrowed the policy after the user chose) becomes the collection's default. Applied
 * whenever settings are read, so nothing outside the policy ever reaches a run or the pane.
 */
export function resolveSyncSettings(settings: SyncSettings, policy: SyncPolicy): SyncSettings {
  const resolved = { ...settings };
  for (const collection of syncCollections) {
    const keys = collectionSettingKeys[collection];
    const limits = policy[collection];
    if (!limits.directions.includes(resolved[keys.direction])) resolved[keys.direction] = limits.defaultDirection;
    if (!limits.conflicts.includes(resolved[keys.conflicts])) resolved[keys.conflicts] = limits.defaultConflicts;
  }
  return resolved;
}
