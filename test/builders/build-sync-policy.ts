import type { CollectionPolicy, SyncPolicy } from '../../src/domain/sync-policy';

/** One collection's policy with every direction and conflict policy allowed, then `overrides`. */
export function buildCollectionPolicy(overrides: Partial<CollectionPolicy> = {}): CollectionPolicy {
  return {
    directions: ['erp-to-outlook', 'two-way', 'off'],
    conflicts: ['erp-wins', 'outlook-wins', 'newest', 'manual'],
    defaultDirection: 'two-way',
    defaultConflicts: 'erp-wins',
    ...overrides,
  };
}

/** The policy of an environment with no `sync` block (everything allowed; contacts one way, events and tasks both ways by default), then `overrides`. */
export function buildSyncPolicy(overrides: Partial<SyncPolicy> = {}): SyncPolicy {
  return {
    contacts: buildCollectionPolicy({ defaultDirection: 'erp-to-outlook' }),
    events: buildCollectionPolicy(),
    tasks: buildCollectionPolicy(),
    ...overrides,
  };
}
