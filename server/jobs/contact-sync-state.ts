import { z } from 'zod';

/** The cursor rows of a mailbox's contact sync; the first three are saved in the transaction that ends a run. */
export const contactCursors = {
  /** The ERP change feed's cursor after the last run's listing. */
  erpFeed: 'contacts:erp-feed',
  /** The Outlook delta link of the synced folder, past the run's own writes. */
  outlookDelta: 'contacts:outlook-delta',
  /** `ContactSyncState` as JSON. */
  state: 'contacts:state',
  /** `ErpWriteIntents` as JSON: ERP writes whose link may not have been saved. */
  erpWriteIntents: 'contacts:erp-write-intents',
} as const;

/**
 * What the last finished run leaves for the next one to decide whether it may stay quiet: the
 * folder its cursors belong to, a fingerprint of the links, conflicts and settings it left (a
 * restored contact or a resolved conflict changes it), and whether work was left undone.
 */
export const contactSyncStateSchema = z.object({
  folderId: z.string(),
  fingerprint: z.string(),
  /** Item failures or removals held for confirmation: the next run plans again. */
  pending: z.boolean(),
  /** When both sides were last listed in full. */
  listedAt: z.string(),
});

export type ContactSyncState = z.infer<typeof contactSyncStateSchema>;
