/** A wall-clock date and time without a zone, as in Graph's `dateTimeTimeZone.dateTime`. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(iana: string): Intl.DateTimeFormat {
  let cached = formatters.get(iana);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(iana, cached);
  }
  return cached;
}

const asUtcEpoch = (local: LocalDateTime) =>
  Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);

/** `2017-04-15T12:00`, `…T12:00:00` or `…T12:00:00.0000000`; undefined for anything else (offsets included). */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const match = localPattern.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '0'] = match;
  const local = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Math.floor(Number(`0.${fraction}`) * 1000),
  };
  const roundTrip = new Date(asUtcEpoch(local));
  const valid =
    roundTrip.getUTCFullYear() === local.year &&
    roundTrip.getUTCMonth() === local.month - 1 &&
    roundTrip.getUTCDate() === local.day &&
    roundTrip.getUTCHours() === local.hour &&
    local.minute < 60 &&
    local.second < 60;
  return valid ? local : undefined;
}

/** The wall-clock time in `iana` at an instant. */
export function epochToLocalDateTime(epochMs: number, iana: string): LocalDateTime {
  const parts = new Map(formatter(iana).formatToParts(new Date(epochMs)).map((part) => [part.type, Number(part.value)]));
  return {
    year: parts.get('year') ?? 0,
    month: parts.get('month') ?? 1,
    day: parts.get('day') ?? 1,
    hour: parts.get('hour') ?? 0,
    minute: parts.get('minute') ?? 0,
    second: parts.get('second') ?? 0,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

function offsetAt(epochMs: number, iana: string): number {
  return asUtcEpoch(epochToLocalDateTime(epochMs, iana)) - epochMs;
}

/**
 * The instant a wall-clock time in `iana` names. Around DST changes this resolves the way
 * Windows and Temporal's "compatible" mode do: a repeated hour takes its first occurrence, a
 * skipped hour is moved forward by the length of the gap (02:30 on a spring-forward day → 03:30).
 */
export function localDateTimeToEpoch(local: LocalDateTime, iana: string): number {
  const wall = asUtcEpoch(local);
  const day = 24 * 60 * 60 * 1000;
  const offsetBefore = offsetAt(wall - day, iana);
  const offsetAfter = offsetAt(wall + day, iana);
  const candidates = [...new Set([wall - offsetBefore, wall - offsetAfter])]
    .filter((epochMs) => asUtcEpoch(epochToLocalDateTime(epochMs, iana)) === wall)
    .sort((left, right) => left - right);
  return candidates[0] ?? wall - offsetBefore;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** Graph writes `dateTimeTimeZone.dateTime` with seven fractional digits: `2017-04-15T11:00:00.0000000`. */
export function formatLocalDateTime(local: LocalDateTime): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}.${pad(local.millisecond, 3)}0000`;
}
