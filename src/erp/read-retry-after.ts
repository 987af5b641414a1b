/**
 * The delay a `Retry-After` header asks for, in milliseconds: seconds (possibly fractional) or an
 * HTTP date; undefined when absent or unreadable.
 */
export function readRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
