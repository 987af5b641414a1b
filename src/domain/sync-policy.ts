import { z } from 'zod';
import { notAllowedMessage } from './not-allowed-message';
import { conflictPolicies, syncDirections } from './sync-settings';

/** The collections a mailbox syncs, each with its own direction and conflict policy. */
export const syncCollections = ['contacts', 'events', 'tasks'] as const;
export type SyncCollection = (typeof syncCollections)[number];

const hasDuplicates = (values: readonly string[]) => new Set(values).size !== values.length;

/**
 * What an environment lets its users choose for one collection, and what a user who chose nothing
 * (or chose what is no longer allowed) gets. The defaults are always among the allowed values.
 */
export const collectionPolicySchema = z
  .object({
    directions: z.array(z.enum(syncDirections)).min(1, 'at least one direction must be allowed'),
    conflicts: z.array(z.enum(conflictPolicies)).min(1, 'at least one conflict policy must be allowed'),
    defaultDirection: z.enum(syncDirections),
    defaultConflicts: z.enum(conflictPolicies),
  })
  .superRefine((policy, context) => {
    if (hasDuplicates(policy.directions)) context.addIssue({ code: 'custom', path: ['directions'], message: 'a direction is listed twice' });
    if (hasDuplicates(policy.conflicts)) context.addIssue({ code: 'custom', path: ['conflicts'], message: 'a conflict policy is listed twice' });
    if (!policy.directions.includes(policy.defaultDirection)) {
      context.addIssue({ code: 'custom', path: ['defaultDirection'], message: `the default must be one of the allowed directions: ${notAllowedMessage(policy.defaultDirection, policy.directions)}` });
    }
    if (!policy.conflicts.includes(policy.defaultConflicts)) {
      context.addIssue({ code: 'custom', path: ['defaultConflicts'], message: `the default must be one of the allowed conflict policies: ${notAllowedMessage(policy.defaultConflicts, policy.conflicts)}` });
    }
  })
  .meta({ id: 'CollectionSyncPolicy' });

/** The sync policy of an environment (DESIGN §5): per collection, the allowed directions and conflict policies and their defaults. */
export const syncPolicySchema = z
  .object({ contacts: collectionPolicySchema, events: collectionPolicySchema, tasks: collectionPolicySchema })
  .meta({ id: 'SyncPolicy' });

export type CollectionPolicy = z.infer<typeof collectionPolicySchema>;
export type SyncPolicy = z.infer<typeof syncPolicySchema>;
