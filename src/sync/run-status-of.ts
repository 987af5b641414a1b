import type { RunStage } from './run-state';

/** The store's `RunRecord.status` for a stage (its `stage` column keeps the stage itself). */
export function runStatusOf(stage: RunStage): 'running' | 'succeeded' | 'failed' | 'waiting_confirmation' {
  switch (stage) {
    case 'done':
      return 'succeeded';
    case 'failed':
    case 'waiting_confirmation':
      return stage;
    case 'listing-erp':
    case 'listing-outlook':
    case 'planning':
    case 'applying':
    case 'saving':
      return 'running';
  }
}
