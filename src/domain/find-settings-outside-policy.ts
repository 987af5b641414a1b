import { collectionSettingKeys } from './collection-setting-keys';
import { notAllowedMessage } from './not-allowed-message';
import { syncCollections, type SyncPolicy } from './sync-policy';
import type { SyncSettings } from './sync-settings';

/** Why settings are refused under the environment's policy, one line per field (`contacts: "two-way" is not allowed (allowed: …)`); empty when they fit. */
export function findSettingsOutsidePolicy(settings: SyncSettings, policy: SyncPolicy): string[] {
  return syncCollections.flatMap((collection) => {
    const keys = collectionSettingKeys[collection];
    const limits = policy[collection];
    const direction = settings[keys.direction];
    const conflicts = settings[keys.conflicts];
    return [
      ...(limits.directions.includes(direction) ? [] : [`${keys.direction}: ${notAllowedMessage(direction, limits.directions)}`]),
      ...(limits.conflicts.includes(conflicts) ? [] : [`${keys.conflicts}: ${notAllowedMessage(conflicts, limits.conflicts)}`]),
    ];
  });
}
