import type { MiddlewareHandler } from 'hono';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppEnv } from './app-env';
import type { RateLimits } from './create-rate-limits';

interface Check {
  limiter: RateLimiterAbstract;
  key: string;
  reason: string;
}

/** The token exchange route, limited hardest. */
const connectRoute = { method: 'POST', path: '/api/me/sync/connect' };

/**
 * Counts a signed-in request against its user's and its environment's limits (and the token
 * exchange's, on `POST /api/me/sync/connect`); over one of them the answer is 429 with
 * `Retry-After` in seconds and `{ code: 'throttled', message }`.
 */
export function enforceRateLimits(limits: RateLimits): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { environment, tenantId, objectId } = c.get('principal');
    const user = `${environment}:${tenantId}:${objectId}`;
    const isConnect = c.req.method === connectRoute.method && c.req.path === connectRoute.path;
    const checks: Check[] = [
      ...(isConnect ? [{ limiter: limits.connect, key: user, reason: 'connecting sync too often: each connection signs in to Microsoft again' }] : []),
      { limiter: limits.user, key: user, reason: 'too many requests from you' },
      { limiter: limits.environment, key: environment, reason: `too many requests in environment ${environment}` },
    ];
    for (const { limiter, key, reason } of checks) {
      const refusal = await limiter.consume(key).then(
        () => undefined,
        (rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return rejection;
          throw rejection;
        },
      );
      if (refusal) {
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        return c.json({ code: 'throttled' as const, message: `${reason}; try again in ${seconds} s` }, 429, { 'Retry-After': String(seconds) });
      }
    }
    await next();
  };
}
