export type RetryBackoff = {
  /** The ceiling of the first retry's delay; it doubles with each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const runRetryBackoff: RetryBackoff = { baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/**
 * How long to wait before retry number `attempt` (0 for the first). A `Retry-After` from the
 * service is honoured as sent (rounded up to a whole millisecond, never capped: asking again
 * sooner only prolongs the throttling). Otherwise exponential backoff with full jitter (a random
 * delay up to the ceiling), so mailboxes throttled together do not retry together; capped.
 *
 * @example nextRetryDelay(3, undefined, Math.random) // between 0 and 7999
 */
export function nextRetryDelay(attempt: number, retryAfterMs: number | undefined, random: () => number, backoff: RetryBackoff = runRetryBackoff): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) return Math.ceil(retryAfterMs);
  const exponent = Math.max(0, Math.floor(Number.isFinite(attempt) ? attempt : 0));
  const ceiling = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** exponent);
  const draw = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(draw * ceiling);
}
