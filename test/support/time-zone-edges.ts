import fc from 'fast-check';

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

/**
 * Zones with DST north and south (Madrid, Montreal, Sydney, Santiago, whose changes fall at
 * midnight), half-hour DST (Lord Howe), odd offsets, and DST abolished (São Paulo 2019).
 */
export const zonesUnderTest = [
  'Europe/Madrid', 'America/Montreal', 'America/Toronto', 'Australia/Sydney', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham',
  'America/St_Johns', 'America/Sao_Paulo', 'Asia/Kolkata',
];

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** An oracle independent of the code under test: the offset ICU prints as `GMT+05:45`. */
export function oracleOffsetMs(instantMs: number, zone: string): number {
  let format = offsetFormats.get(zone);
  if (!format) offsetFormats.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
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

/** Each zone under test that changes offset, with the instants it does. */
export const offsetEdges = zonesUnderTest.map((zone) => ({ zone, transitions: offsetTransitions(zone) })).filter((edge) => edge.transitions.length > 0);

/** A zone and an instant within three hours of one of its offset changes, to the millisecond. */
export const instantNearAnEdge = fc
  .constantFrom(...offsetEdges)
  .chain(({ zone, transitions }) =>
    fc.record({ zone: fc.constant(zone), instant: fc.constantFrom(...transitions).chain((edge) => fc.integer({ min: edge - 3 * hourMs, max: edge + 3 * hourMs })) }),
  );

/** A zone and any instant between 1990 and 2037. */
export const anyZonedInstant = fc.record({ zone: fc.constantFrom(...zonesUnderTest), instant: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2037, 0, 1) }) });

/** A zone and a wall-clock time (`2026-03-29T02:30:00.000`) within three hours of one of its offset changes, gaps and repeats included. */
export const wallClockNearAnEdge = instantNearAnEdge.map(({ zone, instant }) => ({ zone, local: new Date(instant).toISOString().slice(0, 23) }));

/** A zone and a calendar date (`2026-09-06`) on which it changes offset, or any date from 1990 to 2036. */
export const zonedDate = fc.oneof(
  instantNearAnEdge.map(({ zone, instant }) => ({ zone, date: new Date(instant + oracleOffsetMs(instant, zone)).toISOString().slice(0, 10) })),
  anyZonedInstant.map(({ zone, instant }) => ({ zone, date: new Date(instant).toISOString().slice(0, 10) })),
);

/** Milliseconds of a wall-clock reading as if it were UTC (`2026-03-29T02:30:00.000` → its `Date.UTC`). */
export const wallMs = (local: string) => Date.parse(`${local.slice(0, 23)}Z`);
