import { isRunLevelFailure } from '../../src/sync/is-run-level-failure';
import type { RunFailure } from '../../src/sync/run-state';
import { toRunFailure } from '../../src/sync/to-run-failure';
import type { ActionCollectionReport, ActionCollectionRun, ActionCollectionRunInput } from './action-collection-run';
import type { ActionCollectionName } from './mailbox-run-report';

/**
 * Runs the mailbox's action collections one after the other and keeps each one's report. A
 * run-level failure (auth, throttling budget spent, ERP down) before or during one stops those
 * after it, as it would stop them too; a collection that throws is reported failed, never lost.
 */
export async function runActionCollections(
  names: readonly ActionCollectionName[],
  runners: Partial<Record<ActionCollectionName, ActionCollectionRun>>,
  earlierFailure: RunFailure | undefined,
  input: ActionCollectionRunInput,
): Promise<Partial<Record<ActionCollectionName, ActionCollectionReport>>> {
  const reports: Partial<Record<ActionCollectionName, ActionCollectionReport>> = {};
  let stopped = earlierFailure !== undefined && isRunLevelFailure(earlierFailure.code);
  for (const name of names) {
    const run = runners[name];
    if (stopped || !run) continue;
    const startedAt = input.now().toISOString();
    const report = await run(input).catch(
      (error: unknown): ActionCollectionReport => ({
        outcome: 'failed',
        quiet: false,
        applied: { outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpCreated: 0, erpUpdated: 0 },
        failedOperations: 0,
        failure: toRunFailure(error),
        startedAt,
        finishedAt: input.now().toISOString(),
      }),
    );
    reports[name] = report;
    stopped = report.failure !== undefined && isRunLevelFailure(report.failure.code);
  }
  return reports;
}
