import type { CollectionPolicy, SyncPolicy } from './sync-policy';

function narrow(ceiling: CollectionPolicy, chosen: CollectionPolicy): CollectionPolicy {
  const directions = ceiling.directions.filter((direction) => chosen.directions.includes(direction));
  const conflicts = ceiling.conflicts.filter((policy) => chosen.conflicts.includes(policy));
  // Nothing of the admin's choice is left under the configuration: the configuration's own limits apply.
  if (directions.length === 0 || conflicts.length === 0) return ceiling;
  const pick = <T extends string>(allowed: T[], chosenDefault: T, ceilingDefault: T) =>
    [chosenDefault, ceilingDefault, ...allowed].find((value) => allowed.includes(value)) ?? ceilingDefault;
  return {
    directions,
    conflicts,
    defaultDirection: pick(directions, chosen.defaultDirection, ceiling.defaultDirection),
    defaultConflicts: pick(conflicts, chosen.defaultConflicts, ceiling.defaultConflicts),
  };
}

/**
 * The policy in force in an environment: the admin's stored choice, within the configuration's
 * `sync` block, which is both the starting point (nothing stored) and the ceiling (a value the
 * configuration stopped allowing after the admin chose it is dropped).
 */
export function effectiveSyncPolicy(ceiling: SyncPolicy, stored: SyncPolicy | undefined): SyncPolicy {
  if (!stored) return ceiling;
  return { contacts: narrow(ceiling.contacts, stored.contacts), events: narrow(ceiling.events, stored.events), tasks: narrow(ceiling.tasks, stored.tasks) };
}
