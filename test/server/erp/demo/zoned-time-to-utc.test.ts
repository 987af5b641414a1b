import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zonedTimeToUtc } from '../../../../server/erp/demo/zoned-time-to-utc';
import { oracleOffsetMs, wallClockNearAnEdge, wallMs } from '../../../support/time-zone-edges';

describe('zonedTimeToUtc', () => {
  it('reads a wall clock in winter and in summer time', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, 'Europe/Madrid').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, 'Europe/Madrid').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9, minute: 30 }, 'America/Toronto').toISOString()).toBe('2026-07-15T13:30:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, 'America/Mexico_City').toISOString()).toBe('2026-07-15T15:00:00.000Z');
  });

  it('moves a time in the spring-forward gap an hour later, as calendars do', () => {
    // Europe/Paris skips from 02:00 to 03:00 on 29 March 2026.
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Paris').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('gives midnight of an all-day action on the day of a change of time', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 0, minute: 0 }, 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 2, hour: 0, minute: 0 }, 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('starts an all-day action at the first minute of a day whose midnight is skipped (Santiago)', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 9, day: 6, hour: 0, minute: 0 }, 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('names an instant the clock shows at that minute, or later by the gap, near every change of time (property)', () => {
    fc.assert(
      fc.property(wallClockNearAnEdge, ({ zone, local }) => {
        const [year, month, day, hour, minute] = local.split(/[-T:]/).map(Number) as [number, number, number, number, number];
        const instant = zonedTimeToUtc({ year, month, day, hour, minute }, zone).getTime();
        const shown = instant + oracleOffsetMs(instant, zone);
        const asked = wallMs(`${local.slice(0, 16)}:00.000`);

        expect(shown).toBeGreaterThanOrEqual(asked);
        expect(shown - asked).toBeLessThanOrEqual(60 * 60_000);
      }),
      { numRuns: 1000 },
    );
  });
});
