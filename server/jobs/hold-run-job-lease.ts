/** A bridge's hold on the job of a run it carries out. */
export interface RunJobLease {
  /** Stops renewing; resolves whether this bridge still held the job, renewed a last time so it can be completed. */
  release(): Promise<boolean>;
}

export interface HoldRunJobLeaseOptions {
  /** The job expires this long after its last renewal; it is renewed every third of it. */
  leaseSeconds: number;
  /** Past this long the lease is not renewed any more: a run stuck this long lets its mailbox go. */
  maxHoldMs: number;
  /** The job was taken from this bridge (it expired, maybe while the process stalled): another bridge may run the mailbox now. */
  onLost(reason: 'expired' | 'held too long'): void;
  /** A renewal failed (the database is unreachable); the next one tries again. */
  onError(error: unknown): void;
  now?: () => number;
}

/**
 * Renews a run job's lease while its run goes on, so a bridge that dies (SIGKILL, a lost machine)
 * stops renewing and its job expires within `leaseSeconds`, while a live run keeps its mailbox however
 * long it takes.
 *
 * @example
 * const lease = holdRunJobLease(() => renewRunJobLease(pool, hold, 45), { leaseSeconds: 45, maxHoldMs, onLost, onError });
 * try { await run(); } finally { if (await lease.release()) await boss.complete(queue, hold.id); }
 */
export function holdRunJobLease(renew: () => Promise<boolean>, options: HoldRunJobLeaseOptions): RunJobLease {
  const now = options.now ?? Date.now;
  const heldSince = now();
  let lost = false;
  let renewing: Promise<void> | undefined;
  const lose = (reason: 'expired' | 'held too long') => {
    lost = true;
    clearInterval(timer);
    options.onLost(reason);
  };
  const renewOnce = async () => {
    try {
      if (!(await renew())) lose('expired');
    } catch (error) {
      options.onError(error);
    }
  };
  const timer = setInterval(() => {
    if (lost || renewing) return;
    if (now() - heldSince > options.maxHoldMs) return lose('held too long');
    renewing = renewOnce().finally(() => (renewing = undefined));
  }, (options.leaseSeconds * 1000) / 3);
  return {
    async release() {
      clearInterval(timer);
      await renewing;
      if (lost) return false;
      try {
        return await renew();
      } catch (error) {
        options.onError(error);
        return false;
      }
    },
  };
}
