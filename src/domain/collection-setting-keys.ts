import type { SyncCollection } from './sync-policy';

/** Which fields of `SyncSettings` hold a collection's direction and conflict policy. */
export const collectionSettingKeys = {
  contacts: { direction: 'contacts', conflicts: 'conflicts' },
  events: { direction: 'events', conflicts: 'eventConflicts' },
  tasks: { direction: 'tasks', conflicts: 'taskConflicts' },
} as const satisfies Record<SyncCollection, { direction: string; conflicts: string }>;
