import type { RunEvent, RunStage, RunState } from './run-state';

/** The stage each event may arrive in; `failed` may arrive in any stage that is not terminal. */
const expectedStage: Record<Exclude<RunEvent['type'], 'failed'>, RunStage> = {
  'erp-listed': 'listing-erp',
  'outlook-listed': 'listing-outlook',
  planned: 'planning',
  'operation-finished': 'applying',
  applied: 'applying',
  saved: 'saving',
};

const terminal: ReadonlySet<RunStage> = new Set<RunStage>(['done', 'failed', 'waiting_confirmation']);

function enter(state: RunState, stage: RunStage, at: string): RunState {
  return { ...state, stage, stageStartedAt: at };
}

/**
 * The run's stage machine: listing-erp → listing-outlook → planning → applying → saving → done, or
 * waiting_confirmation when the plan held removals back; `failed` from any running stage. An event
 * out of order is a bug in the runner, so it throws.
 *
 * @example advanceRun(startRun(now), { type: 'erp-listed', at: now }).stage // 'listing-outlook'
 */
export function advanceRun(state: RunState, event: RunEvent): RunState {
  if (terminal.has(state.stage)) throw new Error(`a run that is ${state.stage} takes no "${event.type}" event`);
  if (event.type === 'failed') return { ...enter(state, 'failed', event.at), failure: event.failure };
  if (state.stage !== expectedStage[event.type]) throw new Error(`"${event.type}" cannot happen while ${state.stage}`);
  switch (event.type) {
    case 'erp-listed':
      return enter(state, 'listing-outlook', event.at);
    case 'outlook-listed':
      return enter(state, 'planning', event.at);
    case 'planned':
      return { ...enter(state, 'applying', event.at), total: event.total, done: 0, needsConfirmation: event.needsConfirmation };
    case 'operation-finished':
      if (state.done >= state.total) throw new Error(`all ${state.total} operations had finished already`);
      return { ...state, done: state.done + 1 };
    case 'applied':
      return enter(state, 'saving', event.at);
    case 'saved':
      return enter(state, state.needsConfirmation ? 'waiting_confirmation' : 'done', event.at);
  }
}
