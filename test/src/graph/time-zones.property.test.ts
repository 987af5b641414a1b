import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromGraphDateTimeTimeZone, instantToLocalDateTime, localDateTimeToInstant, toGraphDateTimeTimeZone } from '../../../src/graph/time-zones';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** Zones with DST north and south, half-hour DST (Lord Howe), odd offsets, and DST abolished (São Paulo 2019). */
const zones = ['Europe/Madrid', 'America/Toronto', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'America/Sao_Paulo', 'Asia/Kolkata'];

const offsetFormats = new Map(zones.map((zone) => [zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })]));

/** An oracle independent of the code under test: the offset ICU prints as `GMT+05:45`. */
function oracleOffsetMs(instantMs: number, zone: string): number {
  const format = offsetFormats.get(zone) ?? new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const name = format.formatToParts(instantMs).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * hourMs + Number(minutes) * minuteMs);
}

/** Instants where the zone's offset changes between 2000 and 2037, found day by day then to the minute. */
function offsetTransitions(zone: string): number[] {
  const transitions: number[] = [];
  for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2037, 0, 1); day += dayMs) {
    if (oracleOffsetMs(day, zone) === oracleOffsetMs(day + dayMs, zone)) continue;
    let [low, high] = [day, day + dayMs];
    while (high - low > minuteMs) {
      const middle = low + Math.floor((high - low) / 2 / minuteMs) * minuteMs;
      if (oracleOffsetMs(middle, zone) === oracleOffsetMs(low, zone)) low = middle;
      else high = middle;
    }
    transitions.push(high);
  }
  return transitions;
}

const edges = zones.map((zone) => ({ zone, transitions: offsetTransitions(zone) })).filter((edge) => edge.transitions.length > 0);

/** A zone and an instant within three hours of one of its offset changes, to the millisecond. */
const nearAnEdge = fc
  .constantFrom(...edges)
  .chain(({ zone, transitions }) =>
    fc.record({ zone: fc.constant(zone), instant: fc.constantFrom(...transitions).chain((edge) => fc.integer({ min: edge - 3 * hourMs, max: edge + 3 * hourMs })) }),
  );

const anyInstant = fc.record({ zone: fc.constantFrom(...zones), instant: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2037, 0, 1) }) });

const wallMs = (local: string) => Date.parse(`${local.slice(0, 23)}Z`);

describe('time-zone conversion, property-based', () => {
  it('finds offset changes to test against in each zone that has them', () => {
    expect(edges.map((edge) => edge.zone)).toEqual(expect.arrayContaining(['Europe/Madrid', 'America/Toronto', 'Australia/Sydney', 'Australia/Lord_Howe']));
  });

  it('agrees with the oracle on the local time of any instant', () => {
    fc.assert(
      fc.property(fc.oneof(nearAnEdge, anyInstant), ({ zone, instant }) => {
        expect(wallMs(instantToLocalDateTime(instant, zone))).toBe(instant + oracleOffsetMs(instant, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the local time of an instant back as that instant, or as the earlier one when the time occurs twice', () => {
    fc.assert(
      fc.property(fc.oneof(nearAnEdge, anyInstant), ({ zone, instant }) => {
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
    const localNearAnEdge = nearAnEdge.map(({ zone, instant }) => ({ zone, local: new Date(instant).toISOString().slice(0, 23) }));
    fc.assert(
      fc.property(localNearAnEdge, ({ zone, local }) => {
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
      fc.property(fc.oneof(nearAnEdge, anyInstant), ({ zone, instant }) => {
        const back = Date.parse(fromGraphDateTimeTimeZone(toGraphDateTimeTimeZone(instant, zone)));

        expect(instantToLocalDateTime(back, zone)).toBe(instantToLocalDateTime(instant, zone));
        expect(back).toBeLessThanOrEqual(instant);
      }),
      { numRuns: 2000 },
    );
  });
});
