import { describe, expect, it } from 'vitest';
import {
  fromGraphDateTimeTimeZone,
  ianaTimeZoneOf,
  localDateTimeToInstant,
  toGraphAllDayDate,
  toGraphDateTimeTimeZone,
  windowsTimeZoneOf,
} from '../../../src/graph/time-zones';

const iso = (instantMs: number) => new Date(instantMs).toISOString();

describe('Windows and IANA time zone names', () => {
  it.each([
    ['Europe/Madrid', 'Romance Standard Time'],
    ['America/Toronto', 'Eastern Standard Time'],
    ['Australia/Sydney', 'AUS Eastern Standard Time'],
    ['Asia/Kolkata', 'India Standard Time'],
    ['UTC', 'UTC'],
    ['Europe/Kyiv', 'FLE Standard Time'],
  ])('names %s %s in Windows', (iana, windows) => {
    expect(windowsTimeZoneOf(iana)).toBe(windows);
  });

  it('has no Windows name for the few zones Windows lacks, and refuses names that are no zone', () => {
    expect(windowsTimeZoneOf('America/Ciudad_Juarez')).toBeUndefined();
    expect(() => windowsTimeZoneOf('Mars/Olympus_Mons')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it("reads a Windows name as CLDR's main zone for it, whatever the casing", () => {
    expect(ianaTimeZoneOf('Romance Standard Time')).toBe('Europe/Paris');
    expect(ianaTimeZoneOf('eastern standard time')).toBe('America/New_York');
    expect(ianaTimeZoneOf('AUS Eastern Standard Time')).toBe('Australia/Sydney');
    expect(ianaTimeZoneOf('UTC')).toBe('UTC');
  });

  it('keeps the zone the record already has when the Windows name covers it, so Madrid does not turn into Paris', () => {
    expect(ianaTimeZoneOf('Romance Standard Time', { preferred: 'Europe/Madrid' })).toBe('Europe/Madrid');
    expect(ianaTimeZoneOf('Romance Standard Time', { preferred: 'America/Toronto' })).toBe('Europe/Paris');
  });

  it('takes an IANA name as it is, and refuses a custom zone with invalid_input', () => {
    expect(ianaTimeZoneOf('Europe/Madrid')).toBe('Europe/Madrid');
    expect(() => ianaTimeZoneOf('tzone://Microsoft/Custom')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('has a Windows name for every zone this runtime knows but the three Windows lacks', () => {
    const unnamed = Intl.supportedValuesOf('timeZone').filter((zone) => windowsTimeZoneOf(zone) === undefined);

    expect(unnamed).toEqual(['America/Ciudad_Juarez', 'America/Coyhaique', 'Antarctica/Troll']);
  });
});

describe('local times around daylight saving changes', () => {
  it.each([
    ['Europe/Madrid', '2025-03-30T02:30:00', '2025-03-30T01:30:00.000Z', 'skipped: moved forward to 03:30 CEST'],
    ['Europe/Madrid', '2025-10-26T02:30:00', '2025-10-26T00:30:00.000Z', 'twice: the earlier, CEST'],
    ['America/Toronto', '2025-03-09T02:30:00', '2025-03-09T07:30:00.000Z', 'skipped: 03:30 EDT'],
    ['America/Toronto', '2025-11-02T01:30:00', '2025-11-02T05:30:00.000Z', 'twice: the earlier, EDT'],
    ['Australia/Sydney', '2025-10-05T02:30:00', '2025-10-04T16:30:00.000Z', 'skipped: 03:30 AEDT'],
    ['Australia/Sydney', '2025-04-06T02:30:00', '2025-04-05T15:30:00.000Z', 'twice: the earlier, AEDT'],
  ])('%s %s is %s (%s)', (zone, local, instant) => {
    expect(iso(localDateTimeToInstant(local, zone))).toBe(instant);
  });
});

describe('Graph dateTimeTimeZone', () => {
  it('names the same instant in every zone this runtime knows, in winter and in summer', () => {
    const instants = [Date.parse('2025-01-15T12:00:00Z'), Date.parse('2025-07-15T12:00:00Z')];
    const wrong = Intl.supportedValuesOf('timeZone').flatMap((zone) =>
      instants.flatMap((instant) => {
        const value = toGraphDateTimeTimeZone(instant, zone);
        return fromGraphDateTimeTimeZone(value) === iso(instant) ? [] : [`${zone} as ${value.timeZone}`];
      }),
    );

    expect(wrong).toEqual([]);
  });

  it("writes UTC rather than a Windows name whose rules are older than the zone's (Kazakhstan's 2024 change)", () => {
    expect(windowsTimeZoneOf('Asia/Bishkek')).toBe('Central Asia Standard Time');
    expect(toGraphDateTimeTimeZone('2025-07-01T07:00:00Z', 'Asia/Bishkek')).toEqual({ dateTime: '2025-07-01T07:00:00.0000000', timeZone: 'UTC' });
  });

  it('writes an instant as local time with the Windows name, in the format Graph uses', () => {
    expect(toGraphDateTimeTimeZone('2025-07-01T07:00:00Z', 'Europe/Madrid')).toEqual({ dateTime: '2025-07-01T09:00:00.0000000', timeZone: 'Romance Standard Time' });
    expect(toGraphDateTimeTimeZone('2025-01-01T07:00:00.250Z', 'America/Toronto')).toEqual({ dateTime: '2025-01-01T02:00:00.2500000', timeZone: 'Eastern Standard Time' });
  });

  it('writes the second 02:30 of the night Madrid goes back in UTC, since the local time names the first one', () => {
    const first = toGraphDateTimeTimeZone('2027-10-31T00:30:00Z', 'Europe/Madrid');
    const second = toGraphDateTimeTimeZone('2027-10-31T01:30:00Z', 'Europe/Madrid');

    expect(first).toEqual({ dateTime: '2027-10-31T02:30:00.0000000', timeZone: 'Romance Standard Time' });
    expect(second).toEqual({ dateTime: '2027-10-31T01:30:00.0000000', timeZone: 'UTC' });
    expect(fromGraphDateTimeTimeZone(second)).toBe('2027-10-31T01:30:00.000Z');
  });

  it('writes in UTC for a zone Windows has no name for, which names the same instant', () => {
    const value = toGraphDateTimeTimeZone('2025-07-01T07:00:00Z', 'America/Ciudad_Juarez');

    expect(value).toEqual({ dateTime: '2025-07-01T07:00:00.0000000', timeZone: 'UTC' });
    expect(fromGraphDateTimeTimeZone(value)).toBe('2025-07-01T07:00:00.000Z');
  });

  it('reads what Graph sends, with a Windows name, an IANA name or UTC, seven-digit fractions included', () => {
    expect(fromGraphDateTimeTimeZone({ dateTime: '2025-07-01T09:00:00.0000000', timeZone: 'Romance Standard Time' })).toBe('2025-07-01T07:00:00.000Z');
    expect(fromGraphDateTimeTimeZone({ dateTime: '2025-07-01T09:00:00', timeZone: 'Europe/Madrid' })).toBe('2025-07-01T07:00:00.000Z');
    expect(fromGraphDateTimeTimeZone({ dateTime: '2025-07-01T09:00:00.1234567', timeZone: 'UTC' })).toBe('2025-07-01T09:00:00.123Z');
  });

  it('refuses a value without a time zone or with a time that is not local', () => {
    expect(() => fromGraphDateTimeTimeZone({ dateTime: '2025-07-01T09:00:00' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => fromGraphDateTimeTimeZone({ dateTime: '2025-07-01T09:00:00Z', timeZone: 'UTC' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('writes an all-day date as midnight in its own zone, with no conversion', () => {
    expect(toGraphAllDayDate('2025-03-30', 'Europe/Madrid')).toEqual({ dateTime: '2025-03-30T00:00:00.0000000', timeZone: 'Romance Standard Time' });
  });
});
