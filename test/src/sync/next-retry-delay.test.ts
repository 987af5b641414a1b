import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRetryDelay, runRetryBackoff } from '../../../src/sync/next-retry-delay';

describe('nextRetryDelay', () => {
  it('waits exactly as long as Retry-After asks, fractional milliseconds rounded up', () => {
    expect(nextRetryDelay(0, 2128, () => 0.5)).toBe(2128);
    expect(nextRetryDelay(5, 1500.2, () => 0.5)).toBe(1501);
  });

  it('honours a Retry-After longer than the cap', () => {
    expect(nextRetryDelay(0, 10 * 60_000, () => 0.5)).toBe(10 * 60_000);
  });

  it('doubles the ceiling with each attempt and draws below it (full jitter)', () => {
    expect([0, 1, 2, 3].map((attempt) => nextRetryDelay(attempt, undefined, () => 0.999999))).toEqual([999, 1999, 3999, 7999]);
    expect(nextRetryDelay(3, undefined, () => 0)).toBe(0);
  });

  it('stays within the cap however many attempts failed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, draw) => {
        const delay = nextRetryDelay(attempt, undefined, () => draw);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(runRetryBackoff.maxDelayMs);
      }),
    );
  });

  it('falls back to backoff when Retry-After cannot be used', () => {
    expect(nextRetryDelay(1, Number.NaN, () => 0.5)).toBe(1000);
    expect(nextRetryDelay(1, -5, () => 0.5)).toBe(1000);
  });
});
