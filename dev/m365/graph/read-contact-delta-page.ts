import type { ContactRecord } from './contact-record';
import type { DeltaRound } from './delta-token-store';
import { GraphError } from './graph-error';
import type { Mailbox } from './mailbox';

export type DeltaEntry =
  | { kind: 'present'; contact: ContactRecord }
  | { kind: 'removed'; restId: string; immutableId: string };

export interface DeltaPage {
  entries: DeltaEntry[];
  select: readonly string[] | undefined;
  link: { kind: 'next'; skipToken: string } | { kind: 'delta'; deltaToken: string };
}

export interface DeltaPageRequest {
  folderId: string;
  /** Absent on the first request of an initial round (or with an empty `$deltatoken`). */
  token?: { kind: 'skip' | 'delta'; value: string };
  select: readonly string[] | undefined;
  pageSize: number;
  /** The initial request URL, returned in `Location` when the token is unknown. */
  resetLocation: string;
}

const syncStateNotFound = (location: string) =>
  new GraphError(410, 'syncStateNotFound', 'The sync state for this delta token was not found. Restart the synchronization with a full sync.', {
    Location: location,
  });

function startRound(mailbox: Mailbox, folderId: string, since: number | undefined, select: readonly string[] | undefined): DeltaRound {
  const until = mailbox.sequence;
  const changes =
    since === undefined
      ? mailbox.contactsIn(folderId).map((contact) => ({ sequence: until, itemKey: contact.immutableId, restId: contact.restId }))
      : mailbox.changeLog.changedBetween(folderId, since, until);
  return { folderId, until, initial: since === undefined, select, changes, pageTokens: new Map() };
}

function findRoundPage(mailbox: Mailbox, request: DeltaPageRequest): { round: DeltaRound; offset: number } {
  const { token } = request;
  if (!token) return { round: startRound(mailbox, request.folderId, undefined, request.select), offset: 0 };
  const state = mailbox.deltaTokens.find(token.value);
  if (token.kind === 'skip' && state?.kind === 'page' && state.round.folderId === request.folderId) {
    return { round: state.round, offset: state.offset };
  }
  if (token.kind === 'delta' && state?.kind === 'delta' && state.folderId === request.folderId) {
    return { round: startRound(mailbox, state.folderId, state.since, state.select), offset: 0 };
  }
  throw syncStateNotFound(request.resetLocation);
}

/** Reuses the token already handed out for a link, unless the cache has evicted it since. */
function tokenFor(mailbox: Mailbox, existing: string | undefined, mint: () => string): string {
  return existing !== undefined && mailbox.deltaTokens.find(existing) ? existing : mint();
}

/**
 * One page of `contactFolders/{id}/contacts/delta`. A round's changes are frozen when it starts;
 * each item is written as it is now, so an item changed during the round may come again in the
 * next one (Graph allows replays). The initial round lists only contacts; later rounds add
 * `@removed` entries for contacts deleted or moved out of the folder.
 */
export function readContactDeltaPage(mailbox: Mailbox, request: DeltaPageRequest): DeltaPage {
  const { round, offset } = findRoundPage(mailbox, request);
  const end = offset + request.pageSize;
  const entries = round.changes.slice(offset, end).flatMap((change): DeltaEntry[] => {
    const contact = mailbox.contact(change.itemKey);
    if (contact && contact.folderId === round.folderId) return [{ kind: 'present', contact }];
    return round.initial ? [] : [{ kind: 'removed', restId: change.restId, immutableId: change.itemKey }];
  });

  if (end < round.changes.length) {
    const skipToken = tokenFor(mailbox, round.pageTokens.get(end), () => {
      const minted = mailbox.ids.deltaToken();
      mailbox.deltaTokens.save(minted, { kind: 'page', round, offset: end });
      round.pageTokens.set(end, minted);
      return minted;
    });
    return { entries, select: round.select, link: { kind: 'next', skipToken } };
  }
  const deltaToken = tokenFor(mailbox, round.deltaToken, () => {
    const minted = mailbox.ids.deltaToken();
    mailbox.deltaTokens.save(minted, { kind: 'delta', folderId: round.folderId, since: round.until, select: round.select });
    round.deltaToken = minted;
    return minted;
  });
  return { entries, select: round.select, link: { kind: 'delta', deltaToken } };
}
