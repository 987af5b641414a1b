import type { SyncedContact } from '../../domain/synced-contact';
import type { SyncError } from '../sync-error';
import type { OutlookContact } from './outlook-contact';
import type { OutlookContactChanges } from './outlook-contact-changes';

/** One write of a run, sent with others in one round trip. */
export type OutlookWrite =
  | { kind: 'create'; fields: SyncedContact; tag: string }
  | { kind: 'update'; outlookId: string; changeKey: string; changes: OutlookContactChanges }
  | { kind: 'remove'; outlookId: string; changeKey?: string };

/** A write's outcome: the item's id and change key after a create or update; a removal of an item already gone succeeds. */
export type OutlookWriteAnswer = { ok: true; id?: string; changeKey?: string } | { ok: false; error: SyncError };

/** A move's outcome for one item: its id and change key here, or `gone` when it is no longer in the folder it came from. */
export type MoveAnswer = { ok: true; id: string; changeKey: string } | { ok: true; gone: true } | { ok: false; error: SyncError };

/** What a delta round reported since its link (or, without one, everything the folder holds). */
export interface FolderDeltaRound {
  /** Present items, by id, with their change key as the round saw them. */
  changed: Map<string, string>;
  removed: Set<string>;
  deltaLink: string;
}

/**
 * The mailbox's chosen contact folder, the only one the bridge writes: the contact collection's
 * port. Its adapter is `createGraphContactFolder` (`src/graph/contacts`); failures throw `SyncError`.
 */
export interface OutlookContactFolder {
  readonly folderId: string;
  /**
   * Every contact of the folder, with its tag: the planner reads a contact missing here as deleted by
   * the user. `shrink`, when given, sees each contact as its page arrives and its result is kept instead.
   */
  listContacts<Listed extends Pick<OutlookContact, 'id'> = OutlookContact>(shrink?: (contact: OutlookContact) => Listed): Promise<(OutlookContact | Listed)[]>;
  /** One whole delta round from `deltaLink` (a full round without it); throws `cursor_expired` on a stale link. */
  readChanges(deltaLink: string | undefined): Promise<FolderDeltaRound>;
  /**
   * Sends the writes together (Graph: `$batch`es of 20). Creates carry their tag, so one whose answer
   * was lost is found by the next listing instead of being sent twice; updates and removals with a
   * change key are refused (`precondition_failed`) when the user changed the item since. Per-write
   * failures are answers; a round that fails as a whole throws `SyncError`.
   */
  write(writes: readonly OutlookWrite[]): Promise<OutlookWriteAnswer[]>;
  /**
   * Brings items of another folder of the mailbox into this one (Graph v1.0 has no move for
   * contacts): each is read whole, created here with every field Outlook keeps and its tag, then
   * removed there as it was read; an item the user changed in between stays there and its copy is
   * removed instead (a failure to try again). Answers in the order asked.
   */
  moveIn(fromFolderId: string, outlookIds: readonly string[]): Promise<MoveAnswer[]>;
  /**
   * Looks up items a listing did not show: the ones deleted or moved out of the folder are `gone`;
   * the others are returned, as a listing paged by offset can skip an item while the folder changes.
   */
  recheck(outlookIds: readonly string[]): Promise<{ gone: string[]; found: OutlookContact[] }>;
}
