import type { FaultKind } from './fault-injector';

export interface MailboxCounters {
  /** Requests admitted against this mailbox (each `$batch` item counts). */
  requests: number;
  /** Of those, the writes: every method but GET and HEAD. */
  writes: number;
  /** The most requests in flight at once against this mailbox, all apps together. */
  peakConcurrency: number;
  /** 429 answers from the throttling limits (not from fault injection). */
  throttled: number;
}

export interface CountersSnapshot {
  /** Every `/v1.0` request, each `$batch` item and the `$batch` itself included. */
  requests: number;
  batches: number;
  throttled: number;
  faults: Record<FaultKind, number>;
  mailboxes: Record<string, MailboxCounters>;
}

const noFaults = (): Record<FaultKind, number> => ({
  throttled: 0,
  serviceUnavailable: 0,
  gatewayTimeout: 0,
  connectionReset: 0,
  slow: 0,
});

/** What benchmarks and chaos tests read back through the admin API. */
export class EmulatorCounters {
  private requests = 0;
  private batches = 0;
  private faults = noFaults();
  private mailboxes = new Map<string, MailboxCounters & { inFlight: number }>();

  countRequest(): void {
    this.requests += 1;
  }

  countBatch(): void {
    this.batches += 1;
  }

  countFault(kind: FaultKind): void {
    this.faults[kind] += 1;
  }

  countThrottled(mailboxId: string): void {
    this.mailbox(mailboxId).throttled += 1;
  }

  /** Marks a request in flight against a mailbox; call the returned function when it ends. */
  enterMailbox(mailboxId: string, method: string): () => void {
    const counters = this.mailbox(mailboxId);
    counters.requests += 1;
    if (method !== 'GET' && method !== 'HEAD') counters.writes += 1;
    counters.inFlight += 1;
    counters.peakConcurrency = Math.max(counters.peakConcurrency, counters.inFlight);
    return () => {
      counters.inFlight -= 1;
    };
  }

  reset(): void {
    this.requests = 0;
    this.batches = 0;
    this.faults = noFaults();
    for (const counters of this.mailboxes.values()) {
      counters.requests = 0;
      counters.writes = 0;
      counters.throttled = 0;
      counters.peakConcurrency = counters.inFlight;
    }
  }

  snapshot(): CountersSnapshot {
    const mailboxes: Record<string, MailboxCounters> = {};
    let throttled = 0;
    for (const [id, { requests, writes, peakConcurrency, throttled: mailboxThrottled }] of this.mailboxes) {
      mailboxes[id] = { requests, writes, peakConcurrency, throttled: mailboxThrottled };
      throttled += mailboxThrottled;
    }
    return { requests: this.requests, batches: this.batches, throttled, faults: { ...this.faults }, mailboxes };
  }

  private mailbox(mailboxId: string) {
    let counters = this.mailboxes.get(mailboxId);
    if (!counters) {
      counters = { requests: 0, writes: 0, peakConcurrency: 0, throttled: 0, inFlight: 0 };
      this.mailboxes.set(mailboxId, counters);
    }
    return counters;
  }
}
