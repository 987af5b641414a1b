/**
 * `Retry-After` in milliseconds: delay-seconds, which Graph may send fractional (`2.128`), or an
 * HTTP date measured from `nowMs` (without a clock a date cannot be read). Absent or unreadable
 * values give `undefined`.
 *
 * @example parseRetryAfter('2.128', Date.now()) // 2128
 */
export function parseRetryAfter(value: string | null | undefined, nowMs?: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date) || nowMs === undefined) return undefined;
  return Math.max(0, date - nowMs);
}
