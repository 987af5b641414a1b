import type { FolderChangeMode } from '../../domain/sync-settings';
import type { ContactConflict } from './contact-conflict';
import type { ContactLink } from './contact-link';
import type { ContactLinkStore } from './contact-link-store';
import type { ErpWriteIntents } from './erp-write-intents';

/**
 * What the last finished run leaves for the next one to decide whether it may stay quiet: the
 * folder its cursors belong to, a fingerprint of the links, conflicts and settings it left (a
 * restored contact or a resolved conflict changes it), and whether work was left undone.
 */
export interface ContactSyncState {
  folderId: string;
  fingerprint: string;
  /** Item failures or removals held for confirmation: the next run plans again. */
  pending: boolean;
  /** When both sides were last listed in full. */
  listedAt: string;
}

/** A change of contact folder under way: saved before the first contact moves, so a run killed midway goes on with it. */
export interface FolderChange {
  fromFolderId: string;
  toFolderId: string;
  mode: FolderChangeMode;
}

/** What the mailbox's last runs saved; a row that cannot be read is absent (a full listing is always safe). */
export interface SavedContactSync {
  /** The ERP change feed's cursor after the last run's listing. */
  erpFeed?: string;
  /** The Outlook delta link of the synced folder, past the run's own writes. */
  outlookDelta?: string;
  state?: ContactSyncState;
  /** ERP writes whose link may not have been saved; empty when none was saved. */
  erpWriteIntents: ErpWriteIntents;
  folderChange?: FolderChange;
}

/** A stored link as change detection reads it: without its snapshot, which is parsed only when asked for. */
export interface StoredContactLink extends Omit<ContactLink, 'snapshot'> {
  /** The snapshot, checked against the synced fields; a bad row throws the store's error. */
  readSnapshot(): ContactLink['snapshot'];
}

/** The writes of one store transaction. */
export interface ContactSyncTransaction {
  links: ContactLinkStore;
  /** Replaces the saved ERP write intents (none removes them). */
  saveErpWriteIntents(intents: ErpWriteIntents): Promise<void>;
  /** Saves the cursors and state a run ends with; an undefined cursor is removed, so the next run reads from the start. */
  saveRunEnd(end: { erpFeed: string | undefined; outlookDelta: string | undefined; state: ContactSyncState }): Promise<void>;
  /** Saves a younger delta link for the same folder, nothing else changed (a quiet run). */
  saveOutlookDelta(deltaLink: string): Promise<void>;
  saveFolderChange(change: FolderChange): Promise<void>;
  /** The links are all in `folderId` now: the change and the old folder's cursors go, and the next run lists the new folder in full. */
  endFolderChange(folderId: string): Promise<void>;
}

/** One mailbox's contact sync in the bridge store: the applier's and the run's port. */
export interface ContactSyncStore {
  readSaved(): Promise<SavedContactSync>;
  /** Visits the links in erpId order, a page of the store at a time (100,000 are never held with their snapshots). */
  forEachLink(visit: (link: StoredContactLink) => void): Promise<void>;
  /** The links of these ERP ids, with their snapshots, in the order asked; missing ones are left out. */
  readLinks(erpIds: readonly string[]): Promise<ContactLink[]>;
  /** The open conflicts, and the resolved ones (a user's resolution is applied by the next run). */
  listConflicts(): Promise<ContactConflict[]>;
  transaction<T>(work: (tx: ContactSyncTransaction) => Promise<T>): Promise<T>;
}
