import type { FolderChangeMode } from '../../domain/sync-settings';
import type { ContactOperationKind } from './contact-operation';
import type { ContactPlanCounters } from './contact-plan';

/** One operation a preview shows. */
export interface ContactPreviewSample {
  erpId: string;
  displayName?: string;
  /** The synced fields a write changes (updates, conflicts). */
  fields?: string[];
  /** Why a copy leaves Outlook. */
  reason?: 'left-scope' | 'tombstone';
}

/** A dry run: what the next run would do, with no write anywhere. */
export interface ContactSyncPreview {
  counts: ContactPlanCounters;
  /** At most five operations of each kind present in the plan. */
  samples: Partial<Record<ContactOperationKind, ContactPreviewSample[]>>;
  /** Removals the mass-removal guard would hold for confirmation (at most five). */
  heldRemovals: ContactPreviewSample[];
  needsConfirmation: boolean;
  /** The folder changed since the last run: the next run first moves (or leaves) this many synced contacts, and plans nothing before. */
  folderChange?: { mode: FolderChangeMode; contacts: number };
}
