import { z } from 'zod';

export const syncDirections = ['erp-to-outlook', 'two-way', 'off'] as const;
export const conflictPolicies = ['erp-wins', 'outlook-wins', 'newest', 'manual'] as const;
/** What a change of contact folder does with the contacts already synced: move them along, or leave them where they are. */
export const folderChangeModes = ['move', 'leave'] as const;

/**
 * Per mailbox sync settings (DESIGN §5), as the add-in's settings view holds them. Direction and
 * conflict policy are per collection: `contacts`/`conflicts` for contacts (their names predate
 * the other collections), `events`/`eventConflicts`, `tasks`/`taskConflicts`. The environment's
 * sync policy bounds them (`resolveSyncSettings`).
 */
export const syncSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  contactFolderId: z.string().max(512).optional(),
  contactFolderName: z.string().max(255).optional(),
  /** What the first run after a change of folder does with the contacts already synced; absent: `move`. */
  contactFolderChange: z.enum(folderChangeModes).optional(),
  actionsEnabled: z.boolean().default(false),
  /** Absent: the primary calendar, so ERP visits block free/busy. */
  actionsCalendarId: z.string().max(512).optional(),
  todoListName: z.string().trim().min(1).max(255).default('ERP'),
  /** An event of the user's own that they tag with the category `ERP` becomes an ERP action (two-way events only); absent: off. */
  eventsFromOutlook: z.boolean().optional(),
  contacts: z.enum(syncDirections).default('erp-to-outlook'),
  conflicts: z.enum(conflictPolicies).default('erp-wins'),
  events: z.enum(syncDirections).default('two-way'),
  eventConflicts: z.enum(conflictPolicies).default('erp-wins'),
  tasks: z.enum(syncDirections).default('two-way'),
  taskConflicts: z.enum(conflictPolicies).default('erp-wins'),
});

export type SyncSettings = z.infer<typeof syncSettingsSchema>;
export type SyncDirection = (typeof syncDirections)[number];
export type ConflictPolicy = (typeof conflictPolicies)[number];
export type FolderChangeMode = (typeof folderChangeModes)[number];

export const defaultSyncSettings: SyncSettings = syncSettingsSchema.parse({});
