import type { RunState } from './run-state';

/** A run begins by listing the ERP scope. */
export function startRun(now: string): RunState {
  return { stage: 'listing-erp', done: 0, total: 0, startedAt: now, stageStartedAt: now, needsConfirmation: false };
}
