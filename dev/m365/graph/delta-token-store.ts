import type { ChangeLogEntry } from './folder-change-log';

/**
 * One round of `contacts/delta`: the folder's changes in (since, until], frozen when the round
 * starts so that paging never skips an item, whatever is written while the client pages.
 */
export interface DeltaRound {
  folderId: string;
  until: number;
  initial: boolean;
  select: readonly string[] | undefined;
  changes: readonly ChangeLogEntry[];
  /** Tokens already handed out for this round, so a replayed page links to the same next page. */
  pageTokens: Map<number, string>;
  deltaToken?: string;
}

export type DeltaTokenState =
  | { kind: 'page'; round: DeltaRound; offset: number }
  | { kind: 'delta'; folderId: string; since: number; select: readonly string[] | undefined };

/**
 * The mailbox's delta token cache. Like Exchange's, it is bounded: past its capacity the oldest
 * tokens are evicted, and an evicted or expired token answers 410 `syncStateNotFound`.
 */
export class DeltaTokenStore<State = DeltaTokenState> {
  private readonly tokens = new Map<string, State>();

  constructor(private readonly capacity: number) {}

  save(token: string, state: State): void {
    this.tokens.set(token, state);
    while (this.tokens.size > this.capacity) {
      const oldest = this.tokens.keys().next();
      if (oldest.done) break;
      this.tokens.delete(oldest.value);
    }
  }

  find(token: string): State | undefined {
    return this.tokens.get(token);
  }

  /** Drops every token; returns how many there were. */
  expireAll(): number {
    const count = this.tokens.size;
    this.tokens.clear();
    return count;
  }
}
