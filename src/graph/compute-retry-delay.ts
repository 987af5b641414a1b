export interface BackoffPolicy {
  /** The ceiling of the first retry's delay; it doubles with each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const backoffDefaults: BackoffPolicy = { baseDelayMs: 1000, maxDelayMs: 32_000 };

/**
 * The wait before retry number `attempt` (0 for the first): Graph's `Retry-After` when it sent one,
 * otherwise exponential backoff with full jitter, so clients that failed together do not retry together.
 */
export function computeRetryDelay(attempt: number, retryAfterMs: number | undefined, random: () => number, policy: BackoffPolicy = backoffDefaults): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
