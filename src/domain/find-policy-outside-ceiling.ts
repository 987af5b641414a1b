import { notAllowedMessage } from './not-allowed-message';
import { syncCollections, type SyncPolicy } from './sync-policy';

/** Why an admin's policy is refused: values the configuration's `sync` block does not allow, one line each; empty when it fits. */
export function findPolicyOutsideCeiling(policy: SyncPolicy, ceiling: SyncPolicy): string[] {
  return syncCollections.flatMap((collection) => {
    const { directions, conflicts } = ceiling[collection];
    return [
      ...policy[collection].directions.filter((value) => !directions.includes(value)).map((value) => `${collection}.directions: ${notAllowedMessage(value, directions)}`),
      ...policy[collection].conflicts.filter((value) => !conflicts.includes(value)).map((value) => `${collection}.conflicts: ${notAllowedMessage(value, conflicts)}`),
    ];
  });
}
