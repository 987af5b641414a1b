import { describe, expect, it } from 'vitest';
import { cronForInterval } from '../../../server/jobs/cron-for-interval';

describe('the schedule of the pg-boss engine', () => {
  it('runs every few minutes under an hour', () => {
    expect(cronForInterval(5)).toBe('*/5 * * * *');
    expect(cronForInterval(1)).toBe('*/1 * * * *');
  });

  it('rounds to whole minutes, at least one', () => {
    expect(cronForInterval(0.25)).toBe('*/1 * * * *');
    expect(cronForInterval(2.6)).toBe('*/3 * * * *');
  });

  it('runs every few hours from an hour on, and once a day at most', () => {
    expect(cronForInterval(60)).toBe('0 */1 * * *');
    expect(cronForInterval(180)).toBe('0 */3 * * *');
    expect(cronForInterval(24 * 60)).toBe('0 0 * * *');
  });
});
