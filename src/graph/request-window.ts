import type { GateClock } from './mailbox-gate';
import type { MailboxBudgetState } from './mailbox-budget-state';

/** A mailbox's request budget: Graph's Outlook limit is 10,000 requests per 10 minutes per app and mailbox. */
export interface RequestBudget {
  requests: number;
  windowMs: number;
}

export const graphRequestBudget: RequestBudget = { requests: 10_000, windowMs: 10 * 60_000 };

/** From this share of the budget used, the window is `near_limit`. */
const nearLimitShare = 0.8;

/**
 * The client's copy of Graph's sliding window: a request takes its place when sent and is dated
 * when its answer has come, which is never before Graph counted it, so the copy never lets through
 * more than Graph would admit. A fresh window lets a whole budget through at once, then the rate.
 */
export class RequestWindow {
  /** When each finished request's answer came, oldest first. */
  private readonly finished: number[] = [];
  private inFlight = 0;
  private readonly waitingForAnswers: (() => void)[] = [];

  constructor(
    private readonly budget: RequestBudget,
    private readonly clock: GateClock,
  ) {}

  /** Waits until `count` more requests fit in the window (a count over the budget counts as the budget); returns the function to call once answered. */
  async take(count: number): Promise<() => void> {
    const wanted = Math.min(Math.max(count, 1), this.budget.requests);
    for (let over = this.overBy(wanted); over > 0; over = this.overBy(wanted)) {
      const freedAt = this.finished[over - 1];
      if (freedAt === undefined) await new Promise<void>((resolve) => this.waitingForAnswers.push(resolve));
      else await this.clock.sleep(freedAt + this.budget.windowMs - this.clock.now());
    }
    this.inFlight += wanted;
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      this.inFlight -= wanted;
      const now = this.clock.now();
      for (let index = 0; index < wanted; index += 1) this.finished.push(now);
      for (const wake of this.waitingForAnswers.splice(0)) wake();
    };
  }

  /** What `count` more requests asking now would find: no room (`throttled`), 80% of the budget used or more, or neither. */
  budgetState(count: number): MailboxBudgetState {
    const wanted = Math.min(Math.max(count, 1), this.budget.requests);
    if (this.overBy(wanted) > 0) return 'throttled';
    return this.finished.length + this.inFlight >= this.budget.requests * nearLimitShare ? 'near_limit' : 'ok';
  }

  /** How many requests too many the window would hold with `count` more. */
  private overBy(count: number): number {
    const windowStart = this.clock.now() - this.budget.windowMs;
    let expired = 0;
    while (expired < this.finished.length && (this.finished[expired] ?? Infinity) <= windowStart) expired += 1;
    this.finished.splice(0, expired);
    return this.finished.length + this.inFlight + count - this.budget.requests;
  }
}
