import { describe, expect, it } from 'vitest';
import { advanceRun } from '../../../src/sync/advance-run';
import type { RunEvent, RunState } from '../../../src/sync/run-state';
import { runStatusOf } from '../../../src/sync/run-status-of';
import { startRun } from '../../../src/sync/start-run';

const at = (second: number) => `2026-03-02T08:00:${String(second).padStart(2, '0')}.000Z`;

function play(events: RunEvent[]): RunState {
  return events.reduce(advanceRun, startRun(at(0)));
}

describe('advanceRun', () => {
  it('goes listing-erp → listing-outlook → planning → applying → saving → done, counting progress', () => {
    const states = [startRun(at(0))];
    const events: RunEvent[] = [
      { type: 'erp-listed', at: at(1) },
      { type: 'outlook-listed', at: at(2) },
      { type: 'planned', at: at(3), total: 2, needsConfirmation: false },
      { type: 'operation-finished', at: at(4) },
      { type: 'operation-finished', at: at(5) },
      { type: 'applied', at: at(6) },
      { type: 'saved', at: at(7) },
    ];
    for (const event of events) states.push(advanceRun(states.at(-1) ?? startRun(at(0)), event));
    expect(states.map(({ stage, done, total }) => `${stage} ${done}/${total}`)).toEqual([
      'listing-erp 0/0',
      'listing-outlook 0/0',
      'planning 0/0',
      'applying 0/2',
      'applying 1/2',
      'applying 2/2',
      'saving 2/2',
      'done 2/2',
    ]);
    expect(states.at(-1)).toMatchObject({ startedAt: at(0), stageStartedAt: at(7) });
  });

  it('ends waiting for confirmation when the plan held removals back', () => {
    const state = play([
      { type: 'erp-listed', at: at(1) },
      { type: 'outlook-listed', at: at(2) },
      { type: 'planned', at: at(3), total: 0, needsConfirmation: true },
      { type: 'applied', at: at(4) },
      { type: 'saved', at: at(5) },
    ]);
    expect(state.stage).toBe('waiting_confirmation');
    expect(runStatusOf(state.stage)).toBe('waiting_confirmation');
  });

  it('fails from any running stage and keeps the run-level failure', () => {
    const failure = { code: 'auth_required', message: 'the user must sign in again' } as const;
    const state = play([{ type: 'erp-listed', at: at(1) }, { type: 'failed', at: at(2), failure }]);
    expect(state).toMatchObject({ stage: 'failed', failure });
    expect(runStatusOf(state.stage)).toBe('failed');
  });

  it('refuses events out of order, and any event after the end', () => {
    expect(() => play([{ type: 'planned', at: at(1), total: 1, needsConfirmation: false }])).toThrow(/while listing-erp/);
    const done = play([
      { type: 'erp-listed', at: at(1) },
      { type: 'outlook-listed', at: at(2) },
      { type: 'planned', at: at(3), total: 0, needsConfirmation: false },
      { type: 'applied', at: at(4) },
      { type: 'saved', at: at(5) },
    ]);
    expect(() => advanceRun(done, { type: 'failed', at: at(6), failure: { code: 'unavailable', message: 'late' } })).toThrow(/done/);
  });

  it('counts no more operations than the plan has', () => {
    const applying = play([
      { type: 'erp-listed', at: at(1) },
      { type: 'outlook-listed', at: at(2) },
      { type: 'planned', at: at(3), total: 0, needsConfirmation: false },
    ]);
    expect(() => advanceRun(applying, { type: 'operation-finished', at: at(4) })).toThrow(/had finished/);
  });

  it.each(['listing-erp', 'listing-outlook', 'planning', 'applying', 'saving'] as const)('reports %s as running', (stage) => {
    expect(runStatusOf(stage)).toBe('running');
  });
});
