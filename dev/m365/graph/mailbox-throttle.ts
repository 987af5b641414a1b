/** Outlook service limits per app id and mailbox (graph-facts §1), adjustable for tests and benchmarks. */
export interface ThrottlingConfig {
  /** Requests of one app in flight against one mailbox; Graph allows 4. */
  concurrentRequests: number;
  /** Requests of one app against one mailbox per window; Graph allows 10,000 per 10 minutes. */
  requestsPerWindow: number;
  windowMs: number;
  /** Graph has sent `Retry-After: 2.128`; clients must parse a float. */
  fractionalRetryAfter: boolean;
  /** The wait suggested when only the concurrency limit is hit. */
  concurrencyRetryAfterMs: number;
}

export const graphThrottlingDefaults: ThrottlingConfig = {
  concurrentRequests: 4,
  requestsPerWindow: 10_000,
  windowMs: 10 * 60 * 1000,
  fractionalRetryAfter: false,
  concurrencyRetryAfterMs: 1000,
};

export type ThrottleDecision =
  | { admitted: true; inFlight: number; release: () => void }
  | { admitted: false; limit: 'MailboxConcurrency' | 'RequestBudget'; retryAfter: string };

interface KeyState {
  inFlight: number;
  /** Times of the requests inside the current sliding window, refused ones included, oldest first. */
  requests: number[];
}

/**
 * Admission control per (app id, mailbox): at most `concurrentRequests` in flight and
 * `requestsPerWindow` requests in any sliding window. Every request checked uses the budget, the
 * refused ones too: "all requests accrue against your usage limits" (Graph throttling guidance).
 */
export class MailboxThrottle {
  private readonly states = new Map<string, KeyState>();

  constructor(
    private config: ThrottlingConfig,
    private readonly now: () => number,
  ) {}

  get settings(): ThrottlingConfig {
    return { ...this.config };
  }

  configure(changes: Partial<ThrottlingConfig>): ThrottlingConfig {
    this.config = { ...this.config, ...changes };
    return this.settings;
  }

  /** Forgets budgets used so far; requests in flight stay counted until they finish. */
  resetBudgets(): void {
    for (const state of this.states.values()) state.requests = [];
  }

  tryAdmit(appId: string, mailboxId: string): ThrottleDecision {
    const key = `${appId}\u0000${mailboxId}`;
    const state = this.states.get(key) ?? { inFlight: 0, requests: [] };
    this.states.set(key, state);
    const now = this.now();
    const windowStart = now - this.config.windowMs;
    while ((state.requests[0] ?? Infinity) <= windowStart) state.requests.shift();
    const overBudget = state.requests.length >= this.config.requestsPerWindow;
    const oldest = state.requests[0] ?? now;
    state.requests.push(now);

    if (overBudget) {
      return { admitted: false, limit: 'RequestBudget', retryAfter: this.formatRetryAfter(oldest + this.config.windowMs - now) };
    }
    if (state.inFlight >= this.config.concurrentRequests) {
      return { admitted: false, limit: 'MailboxConcurrency', retryAfter: this.formatRetryAfter(this.config.concurrencyRetryAfterMs) };
    }
    state.inFlight += 1;
    let released = false;
    return {
      admitted: true,
      inFlight: state.inFlight,
      release: () => {
        if (released) return;
        released = true;
        state.inFlight -= 1;
      },
    };
  }

  private formatRetryAfter(waitMs: number): string {
    const seconds = Math.max(waitMs, 1) / 1000;
    if (!this.config.fractionalRetryAfter) return String(Math.max(1, Math.ceil(seconds)));
    return String(Math.max(0.001, Math.round(seconds * 1000) / 1000));
  }
}
