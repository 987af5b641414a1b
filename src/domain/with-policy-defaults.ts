import { policyDefaultsOf, type PolicyChoices } from './policy-defaults-of';
import type { SyncPolicy } from './sync-policy';
import type { SyncSettings } from './sync-settings';

/** Settings a user saves with some direction or conflict policy left out: the environment's default fills each one. */
export function withPolicyDefaults(input: Omit<SyncSettings, keyof PolicyChoices> & Partial<PolicyChoices>, policy: SyncPolicy): SyncSettings {
  const defaults = policyDefaultsOf(policy);
  return {
    ...input,
    contacts: input.contacts ?? defaults.contacts,
    conflicts: input.conflicts ?? defaults.conflicts,
    events: input.events ?? defaults.events,
    eventConflicts: input.eventConflicts ?? defaults.eventConflicts,
    tasks: input.tasks ?? defaults.tasks,
    taskConflicts: input.taskConflicts ?? defaults.taskConflicts,
  };
}
