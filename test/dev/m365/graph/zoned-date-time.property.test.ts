import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochToLocalDateTime, formatLocalDateTime, localDateTimeToEpoch, parseLocalDateTime } from '../../../../dev/m365/graph/zoned-date-time';
import { anyZonedInstant, dayMs, instantNearAnEdge, minuteMs, oracleOffsetMs, wallClockNearAnEdge, wallMs } from '../../../support/time-zone-edges';

const zonedInstant = fc.oneof(instantNearAnEdge, anyZonedInstant);

describe('the Graph emulator reads and writes wall-clock times, property-based', () => {
  it('writes the local time the oracle gives for any instant', () => {
    fc.assert(
      fc.property(zonedInstant, ({ zone, instant }) => {
        expect(wallMs(formatLocalDateTime(epochToLocalDateTime(instant, zone)))).toBe(instant + oracleOffsetMs(instant, zone));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a local time back as the instant it names, the earlier one of a repeated hour, a skipped one moved forward by the gap', () => {
    fc.assert(
      fc.property(wallClockNearAnEdge, ({ zone, local }) => {
        const parsed = parseLocalDateTime(local);
        if (!parsed) throw new Error(`'${local}' did not parse`);
        const instant = localDateTimeToEpoch(parsed, zone);
        const shownAt = (epochMs: number) => wallMs(formatLocalDateTime(epochToLocalDateTime(epochMs, zone)));
        const shift = shownAt(instant) - wallMs(local);

        if (shift !== 0) expect(shift).toBe(oracleOffsetMs(instant, zone) - oracleOffsetMs(instant - dayMs, zone));
        expect(shift).toBeGreaterThanOrEqual(0);
        // The first of two readings: half an hour or an hour earlier (Lord Howe's change is 30 min), the clock did not show it.
        expect([shownAt(instant - 30 * minuteMs), shownAt(instant - 60 * minuteMs)]).not.toContain(wallMs(local));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a date no calendar has', () => {
    expect(parseLocalDateTime('2025-02-30T09:00:00')).toBeUndefined();
    expect(parseLocalDateTime('2025-03-30T24:00:00')).toBeUndefined();
    expect(parseLocalDateTime('2025-03-30T09:00:00Z')).toBeUndefined();
  });
});
