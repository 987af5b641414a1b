import type { SyncedContact } from '../../src/domain/synced-contact';
import type { OutlookContact } from '../../src/sync/contacts/outlook-contact';
import type { OutlookContactChanges } from '../../src/sync/contacts/outlook-contact-changes';
import type { OutlookContactFolder } from '../../src/sync/contacts/outlook-contact-folder';
import type { SyncError } from '../../src/sync/sync-error';

/** One write of a run, sent in a `$batch` with others. */
export type OutlookWrite =
  | { kind: 'create'; fields: SyncedContact; tag: string }
  | { kind: 'update'; outlookId: string; changeKey: string; changes: OutlookContactChanges }
  | { kind: 'remove'; outlookId: string; changeKey?: string };

/** A write's outcome: the item's id and change key after a create or update; a removal of an item already gone succeeds. */
export type OutlookWriteAnswer = { ok: true; id?: string; changeKey?: string } | { ok: false; error: SyncError };

/** What a delta round reported since its link (or, without one, everything the folder holds). */
export interface FolderDeltaRound {
  /** Present items, by id, with their change key as the round saw them. */
  changed: Map<string, string>;
  removed: Set<string>;
  deltaLink: string;
}

/** The chosen folder over Graph: the engine's port, plus the batched writes and delta rounds a run needs. */
export interface GraphContactFolder extends OutlookContactFolder {
  readonly folderId: string;
  /** Sends the writes in `$batch`es of 20; per-write failures are answers, a batch that fails as a whole throws `SyncError`. */
  write(writes: readonly OutlookWrite[]): Promise<OutlookWriteAnswer[]>;
  /** One whole delta round from `deltaLink` (a full round without it); throws `cursor_expired` on a stale link. */
  readChanges(deltaLink: string | undefined): Promise<FolderDeltaRound>;
  /**
   * Looks up items a listing did not show: the ones deleted or moved out of the folder are `gone`;
   * the others are returned, as a listing paged by offset can skip an item while the folder changes.
   */
  recheck(outlookIds: readonly string[]): Promise<{ gone: string[]; found: OutlookContact[] }>;
}
