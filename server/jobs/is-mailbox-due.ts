import { z } from 'zod';
import { nextRetryDelay } from '../../src/sync/next-retry-delay';
import type { RunRecord } from '../store/store';

const failedReportSchema = z.object({ failure: z.object({ retryAfterMs: z.number().optional() }).optional() });

/**
 * Whether the scheduler should sync a mailbox now, from its latest runs (newest first): yes, unless
 * its last contact runs failed and the backoff since the last failure (Graph's `Retry-After` when
 * it sent one) has not run out. A run left `running` by a stopped bridge does not hold it back.
 */
export function isMailboxDue(runs: readonly RunRecord[], nowMs: number, random: () => number): boolean {
  const contactRuns = runs.filter((run) => run.kind === 'contacts');
  const last = contactRuns[0];
  if (last?.status !== 'failed') return true;
  const failuresInARow = contactRuns.findIndex((run) => run.status !== 'failed');
  const attempt = (failuresInARow === -1 ? contactRuns.length : failuresInARow) - 1;
  const retryAfterMs = failedReportSchema.safeParse(last.report).data?.failure?.retryAfterMs;
  const delay = nextRetryDelay(attempt, retryAfterMs, random);
  return nowMs >= Date.parse(last.finishedAt ?? last.startedAt) + delay;
}
