import type { Logger } from 'pino';
import type { ContactSyncService } from './contact-sync-service';

export interface ContactSyncSchedulerOptions {
  /** Between the end of one pass over the mailboxes and the start of the next (DESIGN §5: 5 minutes). */
  intervalMs?: number;
  /** Before the first pass, so a restarting bridge does not sync every mailbox while it starts. */
  initialDelayMs?: number;
  logger?: Logger;
}

export interface ContactSyncScheduler {
  /** No pass starts after this; resolves once the pass in flight (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * The in-process schedule: calls `runDueMailboxes` every `intervalMs`. Passes never overlap: the
 * next one is timed from the end of the last, however long its runs took.
 *
 * @example
 * const scheduler = startContactSyncScheduler(contactSync, { intervalMs: 5 * 60_000, logger });
 * await scheduler.stop(); // before contactSync.close()
 */
export function startContactSyncScheduler(service: Pick<ContactSyncService, 'runDueMailboxes'>, options: ContactSyncSchedulerOptions = {}): ContactSyncScheduler {
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      pass = service
        .runDueMailboxes()
        .then(
          (runIds) => options.logger?.debug({ runs: runIds.length }, 'contact sync pass finished'),
          (error: unknown) => options.logger?.error({ err: error }, 'contact sync pass failed'),
        )
        .finally(() => {
          pass = undefined;
          schedule(intervalMs);
        });
    }, delayMs);
    // The schedule alone does not keep the process alive: the server does.
    timer.unref();
  };
  schedule(options.initialDelayMs ?? Math.min(intervalMs, 30_000));

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
