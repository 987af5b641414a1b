import { z } from 'zod';
import { syncedContactSchema } from '../../src/domain/synced-contact';
import { folderChangeModes } from '../../src/domain/sync-settings';
import type { ContactSyncState, FolderChange } from '../../src/sync/contacts/contact-sync-store';
import type { ErpWriteIntents } from '../../src/sync/contacts/erp-write-intents';

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
  /** `FolderChange` as JSON: a change of contact folder under way. */
  folderChange: 'contacts:folder-change',
} as const;

export const contactSyncStateSchema: z.ZodType<ContactSyncState> = z.object({
  folderId: z.string(),
  fingerprint: z.string(),
  pending: z.boolean(),
  listedAt: z.string(),
});

export const erpWriteIntentsSchema: z.ZodType<ErpWriteIntents> = z.record(z.string(), z.object({ written: z.array(z.string()), snapshot: syncedContactSchema, outlookChangeKey: z.string().optional() }));

export const folderChangeSchema: z.ZodType<FolderChange> = z.object({ fromFolderId: z.string(), toFolderId: z.string(), mode: z.enum(folderChangeModes) });
