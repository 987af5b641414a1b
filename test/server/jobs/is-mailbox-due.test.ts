import { describe, expect, it } from 'vitest';
import { isMailboxDue } from '../../../server/jobs/is-mailbox-due';
import type { RunRecord } from '../../../server/store/store';

const user = { tenantId: 't', objectId: 'o' };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 2, 9, 0, seconds)).toISOString();

function run(status: RunRecord['status'], finishedSecond: number, retryAfterMs?: number): RunRecord {
  return {
    id: `run-${finishedSecond}`, user, kind: 'contacts', status, stage: status, done: 0, total: 0, startedAt: at(finishedSecond - 1), finishedAt: at(finishedSecond),
    report: status === 'failed' ? { failure: { code: 'throttled', message: 'slow down', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) } } : {},
  };
}

describe('whether the schedule syncs a mailbox now', () => {
  it('syncs a mailbox that never ran, or whose last run succeeded or waits for confirmation', () => {
    expect(isMailboxDue([], Date.parse(at(0)), () => 0.5)).toBe(true);
    expect(isMailboxDue([run('succeeded', 10)], Date.parse(at(11)), () => 0.5)).toBe(true);
    expect(isMailboxDue([run('waiting_confirmation', 10)], Date.parse(at(11)), () => 0.5)).toBe(true);
  });

  it('waits out the Retry-After Graph sent with the failure that stopped the last run', () => {
    const runs = [run('failed', 10, 30_000)];

    expect(isMailboxDue(runs, Date.parse(at(39)), () => 0.5)).toBe(false);
    expect(isMailboxDue(runs, Date.parse(at(40)), () => 0.5)).toBe(true);
  });

  it('backs off longer after each failure in a row', () => {
    const once = [run('failed', 10), run('succeeded', 5)];
    const thrice = [run('failed', 10), run('failed', 8), run('failed', 6), run('succeeded', 5)];
    const almostAll = () => 0.999;

    expect(isMailboxDue(once, Date.parse(at(10)) + 998, almostAll)).toBe(false);
    expect(isMailboxDue(once, Date.parse(at(11)), almostAll)).toBe(true);
    expect(isMailboxDue(thrice, Date.parse(at(13)), almostAll)).toBe(false);
    expect(isMailboxDue(thrice, Date.parse(at(14)), almostAll)).toBe(true);
  });
});
