import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

/** A time zone as a client named it (Windows or IANA), and the IANA zone used to compute with it. */
export interface ResolvedTimeZone {
  name: string;
  iana: string;
}

function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Windows names (CLDR's windowsZones, world territory "001"), lower-cased, to their IANA zone. */
const ianaByWindowsName = new Map<string, string>();
for (const { windowsName, territory, iana } of WINDOWS_TO_IANA_MAP) {
  const key = windowsName.toLowerCase();
  const zone = iana.find(isIanaZone);
  if (territory === '001' && zone !== undefined && !ianaByWindowsName.has(key)) ianaByWindowsName.set(key, zone);
}

/**
 * Graph takes Windows names ("Pacific Standard Time") and IANA names ("America/Los_Angeles")
 * in `dateTimeTimeZone.timeZone` and in `Prefer: outlook.timezone`. Undefined when neither.
 */
export function resolveTimeZone(name: string | null | undefined): ResolvedTimeZone | undefined {
  const trimmed = (name ?? '').trim();
  if (trimmed === '') return undefined;
  const fromWindows = ianaByWindowsName.get(trimmed.toLowerCase());
  if (fromWindows !== undefined) return { name: trimmed, iana: fromWindows };
  // Intl also knows abbreviations such as "EST" or "CET"; Exchange's list is IANA region names and Windows names.
  if (!trimmed.includes('/') && trimmed.toUpperCase() !== 'UTC') return undefined;
  return isIanaZone(trimmed) ? { name: trimmed, iana: trimmed } : undefined;
}

export const utcTimeZone: ResolvedTimeZone = { name: 'UTC', iana: 'UTC' };
