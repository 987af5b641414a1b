import type { RunFailure } from '../run-state';
import type { AppliedTaskPlan } from './apply-task-plan';

/** One task sync run, as the mailbox run reports it. */
export interface TaskSyncReport {
  outcome: 'succeeded' | 'partial' | 'failed';
  /** Nothing changed on either side: the run sent one Graph request (the list's delta round). */
  quiet: boolean;
  counts: AppliedTaskPlan['counts'];
  failures: AppliedTaskPlan['failures'];
  failure?: RunFailure;
  startedAt: string;
  finishedAt: string;
}
