import type { RunFailure } from '../run-state';
import type { AppliedTaskPlan } from './apply-task-plan';

/** One task sync run, as the mailbox run reports it. */
export interface TaskSyncReport {
  outcome: 'succeeded' | 'partial' | 'failed';
  /** Nothing changed on either side: the run sent one Graph request (the list's delta round). */
  quiet: boolean;
  /** What the run wrote; `erpCreated`: actions made from tasks the user categorized `ERP`. */
  counts: AppliedTaskPlan['counts'] & { erpCreated: number };
  failures: AppliedTaskPlan['failures'];
  failure?: RunFailure;
  startedAt: string;
  finishedAt: string;
}
