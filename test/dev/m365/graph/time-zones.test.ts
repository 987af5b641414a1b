import fc from 'fast-check';
import { findIana, WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventJson } from './support/graph-json';
import { startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

async function createEvent(start: string, end: string, timeZone: string): Promise<EventJson> {
  const answer = await graph.call<EventJson>('/me/events', {
    token: graph.anaSyncToken,
    method: 'POST',
    body: { subject: 'Zoned', start: { dateTime: start, timeZone }, end: { dateTime: end, timeZone } },
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

const read = (id: string | undefined, timeZone?: string) =>
  graph.call<EventJson>(`/me/events/${id}`, { token: graph.anaSyncToken, headers: timeZone ? { prefer: `outlook.timezone="${timeZone}"` } : {} });

describe('time zones of events', () => {
  it('takes a Windows zone name in and writes the times in the IANA zone the request prefers', async () => {
    const created = await createEvent('2025-03-30T01:30:00', '2025-03-30T04:00:00', 'W. Europe Standard Time');

    const inBerlin = await read(created.id, 'Europe/Berlin');
    const inLosAngeles = await read(created.id, 'America/Los_Angeles');

    expect(created.originalStartTimeZone).toBe('W. Europe Standard Time');
    expect(created.originalEndTimeZone).toBe('W. Europe Standard Time');
    expect(inBerlin.body.start).toEqual({ dateTime: '2025-03-30T01:30:00.0000000', timeZone: 'Europe/Berlin' });
    // 03:00 CET became 04:00 CEST that night: 04:00 is 02:00 UTC, so the event lasts 1 h 30.
    expect(inBerlin.body.end).toEqual({ dateTime: '2025-03-30T04:00:00.0000000', timeZone: 'Europe/Berlin' });
    expect(inLosAngeles.body.start).toEqual({ dateTime: '2025-03-29T17:30:00.0000000', timeZone: 'America/Los_Angeles' });
    expect(inLosAngeles.headers.get('preference-applied')).toBe('outlook.timezone="America/Los_Angeles"');
  });

  it('writes times in UTC when no zone is preferred, or when the preferred zone is unknown', async () => {
    const created = await createEvent('2025-07-01T09:00:00', '2025-07-01T10:00:00', 'Pacific Standard Time');

    const plain = await read(created.id);
    const unknown = await read(created.id, 'Atlantis Standard Time');

    expect(created.start).toEqual({ dateTime: '2025-07-01T16:00:00.0000000', timeZone: 'UTC' });
    expect(plain.body.start).toEqual(created.start);
    expect(unknown.body.start).toEqual(created.start);
    expect(unknown.headers.get('preference-applied')).toBeNull();
  });

  it('writes a Windows zone name back when the request prefers one', async () => {
    const created = await createEvent('2025-01-15T12:00:00', '2025-01-15T13:00:00', 'Europe/Madrid');

    const answer = await read(created.id, 'Pacific Standard Time');

    expect(answer.body.start).toEqual({ dateTime: '2025-01-15T03:00:00.0000000', timeZone: 'Pacific Standard Time' });
    expect(answer.body.originalStartTimeZone).toBe('Europe/Madrid');
  });

  it('moves a time inside the spring-forward gap forward by the gap, as Windows does', async () => {
    // 02:30 does not exist in Los Angeles on 9 March 2025: clocks go from 02:00 PST to 03:00 PDT.
    const created = await createEvent('2025-03-09T02:30:00', '2025-03-09T04:00:00', 'Pacific Standard Time');

    expect(created.start).toEqual({ dateTime: '2025-03-09T10:30:00.0000000', timeZone: 'UTC' });
    expect((await read(created.id, 'America/Los_Angeles')).body.start?.dateTime).toBe('2025-03-09T03:30:00.0000000');
  });

  it('takes the first of the two 01:30s of the fall-back night', async () => {
    const created = await createEvent('2025-11-02T01:30:00', '2025-11-02T03:00:00', 'Pacific Standard Time');

    // The first 01:30 is daylight time (UTC-7); 03:00 is standard time (UTC-8).
    expect(created.start).toEqual({ dateTime: '2025-11-02T08:30:00.0000000', timeZone: 'UTC' });
    expect(created.end).toEqual({ dateTime: '2025-11-02T11:00:00.0000000', timeZone: 'UTC' });
  });

  it('names the same instant whichever Windows zone the wall-clock time was given in (property)', async () => {
    const zones = [...new Set(WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === '001').map((entry) => entry.windowsName))];
    const noon = Date.UTC(2020, 0, 1);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...zones), fc.integer({ min: 0, max: 10 * 365 * 24 }), async (windowsName, hours) => {
        const instant = noon + hours * 3_600_000;
        const iana = findIana(windowsName)[0] ?? 'UTC';
        const wallClock = new Intl.DateTimeFormat('sv-SE', { timeZone: iana, dateStyle: 'short', timeStyle: 'medium' }).format(instant).replace(' ', 'T');
        const created = await createEvent(wallClock, wallClock, windowsName);
        const asUtc = `${created.start?.dateTime?.slice(0, 19)}Z`;
        // A wall-clock time repeated at fall-back names its first instant, up to an hour earlier.
        expect(instant - Date.parse(asUtc)).toBeGreaterThanOrEqual(0);
        expect(instant - Date.parse(asUtc)).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: 40, seed: 20250330 },
    );
  });
});
