import { setTimeout as delay } from 'node:timers/promises';
import type PgBoss from 'pg-boss';

export interface RunQueueWorkersOptions {
  /** Jobs carried out at once: one fetch loop each. */
  workers: number;
  /** How long an idle loop waits before it asks the queue again. */
  pollingIntervalMs: number;
  /** Carries a fetched job out, and completes or fails it; never rejects. */
  carryOut(job: PgBoss.JobWithMetadata<unknown>): Promise<void>;
  onError(error: unknown): void;
}

/** The loops taking the run queue's jobs. */
export interface RunQueueWorkers {
  /** Fetches nothing more and resolves once the jobs in hand are carried out. */
  stop(): Promise<void>;
}

/**
 * Workers of the run queue that fetch one job at a time and leave completing it to `carryOut`.
 * pg-boss's own `work` fails a job whose handler outlasts the job's expiry, and a leased job's
 * expiry is short on purpose (see `holdRunJobLease`): its renewals, not a timer, say it is alive.
 */
export function workRunQueue(boss: Pick<PgBoss, 'fetch'>, queue: string, options: RunQueueWorkersOptions): RunQueueWorkers {
  const stopping = new AbortController();
  const loop = async () => {
    while (!stopping.signal.aborted) {
      let job: PgBoss.JobWithMetadata<unknown> | undefined;
      try {
        [job] = await boss.fetch(queue, { includeMetadata: true });
      } catch (error) {
        options.onError(error);
      }
      if (job) await options.carryOut(job);
      else await delay(options.pollingIntervalMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  };
  const loops = Array.from({ length: options.workers }, loop);
  return {
    async stop() {
      stopping.abort();
      await Promise.all(loops);
    },
  };
}
