import { z } from 'zod';
import { notAllowedMessage } from '../../src/domain/not-allowed-message';
import type { CollectionPolicy, SyncCollection, SyncPolicy } from '../../src/domain/sync-policy';
import { conflictPolicies, syncDirections, type ConflictPolicy, type SyncDirection } from '../../src/domain/sync-settings';

/** A collection's default direction when the configuration names none. */
const usualDirection: Record<SyncCollection, SyncDirection> = { contacts: 'erp-to-outlook', events: 'two-way', tasks: 'two-way' };
const usualConflicts: ConflictPolicy = 'erp-wins';

const collectionShape = {
  /** Directions users may choose; absent: all of them. */
  directions: z.array(z.enum(syncDirections)).min(1, 'at least one direction must be allowed').optional(),
  /** Conflict policies users may choose; absent: all of them. */
  conflicts: z.array(z.enum(conflictPolicies)).min(1, 'at least one conflict policy must be allowed').optional(),
  defaultDirection: z.enum(syncDirections).optional(),
  defaultConflicts: z.enum(conflictPolicies).optional(),
};

/** What a user deleting a synced event or task in Outlook does to its ERP action: stop syncing it (the default), or cancel it too. */
export const outlookDeleteRules = ['suppress', 'cancel'] as const;
type OutlookDeleteRule = (typeof outlookDeleteRules)[number];

function checkDefaults(collection: { directions?: SyncDirection[] | undefined; conflicts?: ConflictPolicy[] | undefined; defaultDirection?: SyncDirection | undefined; defaultConflicts?: ConflictPolicy | undefined }, context: z.RefinementCtx): void {
  const { directions, conflicts, defaultDirection, defaultConflicts } = collection;
  if (directions && defaultDirection && !directions.includes(defaultDirection)) {
    context.addIssue({ code: 'custom', path: ['defaultDirection'], message: `the default must be one of the allowed directions: ${notAllowedMessage(defaultDirection, directions)}` });
  }
  if (conflicts && defaultConflicts && !conflicts.includes(defaultConflicts)) {
    context.addIssue({ code: 'custom', path: ['defaultConflicts'], message: `the default must be one of the allowed conflict policies: ${notAllowedMessage(defaultConflicts, conflicts)}` });
  }
}

const collectionSchema = z.strictObject(collectionShape).superRefine(checkDefaults);
/** Events and tasks also take `outlookDelete`. */
const actionCollectionSchema = z.strictObject({ ...collectionShape, outlookDelete: z.enum(outlookDeleteRules).optional() }).superRefine(checkDefaults);
type CollectionConfig = z.infer<typeof collectionSchema>;

/** Allowed values in the product's order, once each; the default as written, else the usual one if allowed, else the first allowed. */
function toCollectionPolicy(written: CollectionConfig, defaultDirection: SyncDirection, defaultConflicts: ConflictPolicy): CollectionPolicy {
  const directions = syncDirections.filter((direction) => written.directions?.includes(direction) ?? true);
  const conflicts = conflictPolicies.filter((policy) => written.conflicts?.includes(policy) ?? true);
  return {
    directions,
    conflicts,
    defaultDirection: written.defaultDirection ?? [defaultDirection, ...directions].find((value) => directions.includes(value)) ?? defaultDirection,
    defaultConflicts: written.defaultConflicts ?? [defaultConflicts, ...conflicts].find((value) => conflicts.includes(value)) ?? defaultConflicts,
  };
}

/**
 * An environment's `sync` block: per collection (contacts, events, tasks) the directions and
 * conflict policies its users may choose, and the defaults. The older shape — `contacts` and
 * `actions` as one direction, `conflicts` as one policy — still reads: it sets the defaults and
 * allows every value, as it always did (docs/configuration.md).
 */
export const syncConfigSchema = z
  .strictObject({
    contacts: z.union([z.enum(syncDirections), collectionSchema], { error: `a direction (${syncDirections.join(', ')}) or { directions, conflicts, defaultDirection, defaultConflicts }` }).optional(),
    /** Also `outlookDelete`: what deleting a synced event in Outlook does to its action. */
    events: actionCollectionSchema.optional(),
    /** Also `outlookDelete`: what deleting a synced task in To Do does to its action. */
    tasks: actionCollectionSchema.optional(),
    /** Older shape: the default direction of events and tasks. */
    actions: z.enum(syncDirections).optional(),
    /** Older shape: the default conflict policy of every collection. */
    conflicts: z.enum(conflictPolicies).optional(),
    /** Events are created without attendees unless this is set: attendees get invitations. */
    inviteAttendees: z.boolean().default(false),
  })
  .superRefine((sync, context) => {
    for (const collection of ['events', 'tasks'] as const) {
      if (sync.actions && sync[collection]) {
        context.addIssue({ code: 'custom', path: ['actions'], message: `"actions" (the older shape) and "${collection}" cannot both be set: move the direction into ${collection}.defaultDirection` });
      }
    }
  })
  .transform(({ contacts, events, tasks, actions, conflicts, inviteAttendees }): SyncPolicy & { inviteAttendees: boolean; eventOutlookDelete: OutlookDeleteRule; taskOutlookDelete: OutlookDeleteRule } => {
    const written: Record<SyncCollection, CollectionConfig> = {
      contacts: typeof contacts === 'string' ? { defaultDirection: contacts } : (contacts ?? {}),
      events: events ?? (actions ? { defaultDirection: actions } : {}),
      tasks: tasks ?? (actions ? { defaultDirection: actions } : {}),
    };
    const policyOf = (collection: SyncCollection) => toCollectionPolicy(written[collection], usualDirection[collection], conflicts ?? usualConflicts);
    return { contacts: policyOf('contacts'), events: policyOf('events'), tasks: policyOf('tasks'), inviteAttendees, eventOutlookDelete: events?.outlookDelete ?? 'suppress', taskOutlookDelete: tasks?.outlookDelete ?? 'suppress' };
  });
