import type { DeltaTokenStore } from './delta-token-store';
import type { ChangeLogEntry } from './folder-change-log';
import { GraphError } from './graph-error';

/**
 * One round of a delta function over one collection (`scope`): the changes in (since, until],
 * frozen when the round starts so that paging never skips an item. `options` are what the
 * initial request asked for (`$select`, a calendar view's window …); tokens carry them.
 */
export interface DeltaRound<Options> {
  scope: string;
  options: Options;
  until: number;
  initial: boolean;
  changes: readonly ChangeLogEntry[];
  /** Tokens already handed out for this round, so a replayed page links to the same next page. */
  pageTokens: Map<number, string>;
  deltaToken?: string;
}

export type DeltaRoundToken<Options> =
  | { kind: 'page'; round: DeltaRound<Options>; offset: number }
  | { kind: 'delta'; scope: string; options: Options; since: number };

export interface DeltaRoundSource<Options> {
  tokens: DeltaTokenStore<DeltaRoundToken<Options>>;
  mintToken(): string;
  /** The mailbox's write sequence now. */
  sequence: number;
  /** Items present now: the whole first round. */
  present(options: Options): ChangeLogEntry[];
  changedBetween(options: Options, since: number, until: number): ChangeLogEntry[];
}

export interface DeltaRoundRequest<Options> {
  scope: string;
  /** Absent on the first request of an initial round (or with an empty `$deltatoken`). */
  token?: { kind: 'skip' | 'delta'; value: string };
  /** Reads the options of a new round from the request; called only when there is no token. */
  startOptions: () => Options;
  pageSize: number;
  /** The initial request URL, returned in `Location` when the token is unknown. */
  resetLocation: string;
}

export interface DeltaRoundPage<Options> {
  changes: readonly ChangeLogEntry[];
  initial: boolean;
  options: Options;
  link: { kind: 'next'; skipToken: string } | { kind: 'delta'; deltaToken: string };
}

export const syncStateNotFound = (location: string) =>
  new GraphError(410, 'syncStateNotFound', 'The sync state for this delta token was not found. Restart the synchronization with a full sync.', {
    Location: location,
  });

function startRound<Options>(source: DeltaRoundSource<Options>, scope: string, options: Options, since: number | undefined): DeltaRound<Options> {
  const until = source.sequence;
  const changes = since === undefined ? source.present(options) : source.changedBetween(options, since, until);
  return { scope, options, until, initial: since === undefined, changes, pageTokens: new Map() };
}

/** The round a delta request continues: its `$skiptoken`, else a non-empty `$deltatoken`, else a new round. */
export function deltaTokenOf(query: { skipToken?: string; deltaToken?: string }): DeltaRoundRequest<unknown>['token'] {
  if (query.skipToken !== undefined) return { kind: 'skip', value: query.skipToken };
  return query.deltaToken ? { kind: 'delta', value: query.deltaToken } : undefined;
}

/** Reuses the token already handed out for a link, unless the cache has evicted it since. */
function tokenFor<Options>(source: DeltaRoundSource<Options>, existing: string | undefined, save: (token: string) => void): string {
  if (existing !== undefined && source.tokens.find(existing)) return existing;
  const minted = source.mintToken();
  save(minted);
  return minted;
}

/**
 * One page of a delta round: which log entries to write and the link that follows. The caller
 * decides how each entry is written (the item as it is now, or an `@removed` entry), so an item
 * changed during a round may come again in the next one: Graph allows replays.
 */
export function readDeltaRoundPage<Options>(source: DeltaRoundSource<Options>, request: DeltaRoundRequest<Options>): DeltaRoundPage<Options> {
  const { token } = request;
  let round: DeltaRound<Options>;
  let offset = 0;
  if (!token) {
    round = startRound(source, request.scope, request.startOptions(), undefined);
  } else {
    const state = source.tokens.find(token.value);
    if (token.kind === 'skip' && state?.kind === 'page' && state.round.scope === request.scope) {
      round = state.round;
      offset = state.offset;
    } else if (token.kind === 'delta' && state?.kind === 'delta' && state.scope === request.scope) {
      round = startRound(source, state.scope, state.options, state.since);
    } else {
      throw syncStateNotFound(request.resetLocation);
    }
  }

  const end = offset + request.pageSize;
  const page = { changes: round.changes.slice(offset, end), initial: round.initial, options: round.options };
  if (end < round.changes.length) {
    const skipToken = tokenFor(source, round.pageTokens.get(end), (minted) => {
      source.tokens.save(minted, { kind: 'page', round, offset: end });
      round.pageTokens.set(end, minted);
    });
    return { ...page, link: { kind: 'next', skipToken } };
  }
  const deltaToken = tokenFor(source, round.deltaToken, (minted) => {
    source.tokens.save(minted, { kind: 'delta', scope: round.scope, options: round.options, since: round.until });
    round.deltaToken = minted;
  });
  return { ...page, link: { kind: 'delta', deltaToken } };
}
