import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdRunJobLease, type HoldRunJobLeaseOptions } from '../../../server/jobs/hold-run-job-lease';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A lease of 3 s (renewed every second) over a renewal that answers `answers` in turn, then true. */
function holdWith(answers: (boolean | Error)[], options: Partial<HoldRunJobLeaseOptions> = {}) {
  const renewals: number[] = [];
  const lost: string[] = [];
  const errors: unknown[] = [];
  const lease = holdRunJobLease(
    async () => {
      renewals.push(Date.now());
      const answer = answers.shift() ?? true;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    { leaseSeconds: 3, maxHoldMs: 60_000, onLost: (reason) => lost.push(reason), onError: (error) => errors.push(error), now: () => Date.now(), ...options },
  );
  return { lease, renewals, lost, errors };
}

describe('holdRunJobLease', () => {
  it('renews the lease every third of it while the run goes on, and once more on release', async () => {
    const start = Date.now();
    const { lease, renewals, lost } = holdWith([]);

    await vi.advanceTimersByTimeAsync(3_500);
    expect(renewals.map((at) => at - start)).toEqual([1_000, 2_000, 3_000]);
    expect(await lease.release()).toBe(true);
    expect(renewals).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(renewals).toHaveLength(4);
    expect(lost).toEqual([]);
  });

  it('stops and says the job was taken when a renewal finds it no longer held, and release then reports it lost', async () => {
    const { lease, renewals, lost } = holdWith([true, false]);

    await vi.advanceTimersByTimeAsync(5_000);
    expect(renewals).toHaveLength(2);
    expect(lost).toEqual(['expired']);
    expect(await lease.release()).toBe(false);
  });

  it('keeps renewing after a renewal that failed (the database away for a moment)', async () => {
    const failure = new Error('connection terminated');
    const { lease, renewals, errors, lost } = holdWith([failure]);

    await vi.advanceTimersByTimeAsync(2_500);
    expect(renewals).toHaveLength(2);
    expect(errors).toEqual([failure]);
    expect(lost).toEqual([]);
    expect(await lease.release()).toBe(true);
  });

  it('lets the mailbox go once the run has held it longer than allowed (jobs.runExpiryMinutes)', async () => {
    const { lease, renewals, lost } = holdWith([], { maxHoldMs: 2_500 });

    await vi.advanceTimersByTimeAsync(10_000);
    expect(renewals).toHaveLength(2);
    expect(lost).toEqual(['held too long']);
    expect(await lease.release()).toBe(false);
  });
});
