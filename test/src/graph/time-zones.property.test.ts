import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allDayDateOf,
  fromGraphDateTimeTimeZone,
  instantToLocalDateTime,
  localDateTimeToInstant,
  startOfDayInstant,
  toGraphDateTimeTimeZone,
} from '../../../src/graph/time-zones';
import { anyZonedInstant, dayMs, instantNearAnEdge, offsetEdges, oracleOffsetMs, wallClockNearAnEdge, wallMs, zonedDate, zonesUnderTest } from '../../support/time-zone-edges';

const zonedInstant = fc.oneof(instantNearAnEdge, anyZonedInstant);

describe('time-zone conversion, property-based', () => {
  it('finds offset changes to test against in each zone that has them', () => {
    expect(offsetEdges.map((edge) => edge.zone)).toEqual(
      expect.arrayContaining(['Europe/Madrid', 'America/Montreal', 'Australia/Sydney', 'America/Santiago', 'Australia/Lord_Howe']),
    );
  });

  it('agrees with the oracle on the local time of any instant', () => {
    fc.assert(
      fc.property(zonedInstant, ({ zone, instant }) => {
        expect(wallMs(instantToLocalDateTime(instant, zone))).toBe(instant + oracleOffsetMs(instant, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the local time of an instant back as that instant, or as the earlier one when the time occurs twice', () => {
    fc.assert(
      fc.property(zonedInstant, ({ zone, instant }) => {
        const local = instantToLocalDateTime(instant, zone);
        const back = localDateTimeToInstant(local, zone);

        expect(instantToLocalDateTime(back, zone)).toBe(local);
        if (back !== instant) {
          expect(back).toBeLessThan(instant);
          expect(oracleOffsetMs(back, zone)).toBeGreaterThan(oracleOffsetMs(instant, zone));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('moves a local time skipped by a change forward by the length of the gap, and keeps every other one', () => {
    fc.assert(
      fc.property(wallClockNearAnEdge, ({ zone, local }) => {
        const instant = localDateTimeToInstant(local, zone);
        const shift = wallMs(instantToLocalDateTime(instant, zone)) - wallMs(local);

        if (shift !== 0) expect(shift).toBe(oracleOffsetMs(instant, zone) - oracleOffsetMs(instant - dayMs, zone));
        expect(shift).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the same instant through Graph and back, but for the second of a repeated local time', () => {
    fc.assert(
      fc.property(zonedInstant, ({ zone, instant }) => {
        const back = Date.parse(fromGraphDateTimeTimeZone(toGraphDateTimeTimeZone(instant, zone)));

        expect(instantToLocalDateTime(back, zone)).toBe(instantToLocalDateTime(instant, zone));
        expect(back).toBeLessThanOrEqual(instant);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows an instant written in the ERP zone at the local time of any other zone', () => {
    const twoZones = fc.record({ erp: zonedInstant, mailboxZone: fc.constantFrom(...zonesUnderTest) });
    fc.assert(
      fc.property(twoZones, ({ erp: { zone, instant }, mailboxZone }) => {
        const back = Date.parse(fromGraphDateTimeTimeZone(toGraphDateTimeTimeZone(instant, zone)));

        expect(wallMs(instantToLocalDateTime(back, mailboxZone))).toBe(back + oracleOffsetMs(back, mailboxZone));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps an all-day item on its date: the day starts on that date, before any instant of it, and the next day starts a day later on the calendar', () => {
    fc.assert(
      fc.property(zonedDate, ({ zone, date }) => {
        const start = startOfDayInstant(date, zone);
        const nextDate = new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
        const nextStart = startOfDayInstant(nextDate, zone);

        expect(allDayDateOf(start, zone)).toBe(date);
        expect(allDayDateOf(start - 1, zone)).not.toBe(date);
        expect(allDayDateOf(nextStart - 1, zone)).toBe(date);
        expect(instantToLocalDateTime(start, zone) <= `${date}T01:00:00.0000000`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
