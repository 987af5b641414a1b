import type { MailboxBudgetState } from './mailbox-budget-state';
import { type RequestBudget, RequestWindow } from './request-window';

export interface GateClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

interface Waiter {
  slots: number;
  grant: () => void;
}

/**
 * Admission for one mailbox: at most `capacity` requests in flight (Graph allows 4 per app and
 * mailbox), granted first come first served so a `$batch` holding every slot is not starved; with a
 * `budget`, no more requests per window than Graph admits (10,000 per 10 minutes), so that the client
 * waits instead of being refused; and a pause that holds everyone back after Graph said
 * `Retry-After`, because Graph keeps counting requests made while throttled.
 */
export class MailboxGate {
  private available: number;
  private readonly waiting: Waiter[] = [];
  private pausedUntilMs = 0;
  private readonly window: RequestWindow | undefined;

  constructor(
    readonly capacity: number,
    private readonly clock: GateClock,
    budget?: RequestBudget,
  ) {
    this.available = capacity;
    this.window = budget && new RequestWindow(budget, clock);
  }

  /**
   * Waits for `slots` (capped at the capacity), for room in the budget for `requests` (a `$batch`
   * counts each of its requests) and for any pause to end; returns the release, to call once answered.
   * A retry goes `first`, so one request is not overtaken again and again.
   */
  async acquire(slots = 1, options: { first?: boolean; requests?: number } = {}): Promise<() => void> {
    const wanted = Math.min(Math.max(slots, 1), this.capacity);
    if (this.waiting.length === 0 && this.available >= wanted) {
      this.available -= wanted;
    } else {
      await new Promise<void>((grant) => {
        if (options.first) this.waiting.unshift({ slots: wanted, grant });
        else this.waiting.push({ slots: wanted, grant });
      });
    }
    await this.waitWhilePaused();
    const answered = await this.window?.take(options.requests ?? 1);
    await this.waitWhilePaused();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      answered?.();
      this.available += wanted;
      this.grantWaiting();
    };
  }

  /** The mailbox's budget as `requests` more asking now would find it (a mailbox without a budget is only ever paused). */
  budgetState(requests = 1): MailboxBudgetState {
    if (this.pausedUntilMs > this.clock.now()) return 'throttled';
    return this.window?.budgetState(requests) ?? 'ok';
  }

  /** Holds back every request of this mailbox for `ms` (a longer pause already set wins). */
  pauseFor(ms: number): void {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, this.clock.now() + ms);
  }

  private grantWaiting(): void {
    for (let head = this.waiting[0]; head !== undefined && this.available >= head.slots; head = this.waiting[0]) {
      this.waiting.shift();
      this.available -= head.slots;
      head.grant();
    }
  }

  private async waitWhilePaused(): Promise<void> {
    for (let wait = this.pausedUntilMs - this.clock.now(); wait > 0; wait = this.pausedUntilMs - this.clock.now()) {
      await this.clock.sleep(wait);
    }
  }
}
