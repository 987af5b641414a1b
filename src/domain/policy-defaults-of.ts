import type { SyncPolicy } from './sync-policy';
import type { SyncSettings } from './sync-settings';

export type PolicyChoices = Pick<SyncSettings, 'contacts' | 'conflicts' | 'events' | 'eventConflicts' | 'tasks' | 'taskConflicts'>;

/** Every collection's direction and conflict policy as the environment's defaults set them: what a user who chose nothing gets. */
export function policyDefaultsOf(policy: SyncPolicy): PolicyChoices {
  return {
    contacts: policy.contacts.defaultDirection,
    conflicts: policy.contacts.defaultConflicts,
    events: policy.events.defaultDirection,
    eventConflicts: policy.events.defaultConflicts,
    tasks: policy.tasks.defaultDirection,
    taskConflicts: policy.tasks.defaultConflicts,
  };
}
