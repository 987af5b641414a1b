import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Requests allowed per window; `rateLimits` in the configuration (docs/configuration.md). */
export interface RateLimitSettings {
  perUserPerMinute: number;
  perEnvironmentPerMinute: number;
  /** `POST /api/me/sync/connect` exchanges the user's token with Entra each time: limited hardest. */
  connectPerUserPerHour: number;
}

/** The three limiters the API consumes from, by user, by environment and for the token exchange. */
export interface RateLimits {
  user: RateLimiterAbstract;
  environment: RateLimiterAbstract;
  connect: RateLimiterAbstract;
}

const windows = (settings: RateLimitSettings) => [
  { name: 'user', keyPrefix: 'api-user', points: settings.perUserPerMinute, duration: 60 },
  { name: 'environment', keyPrefix: 'api-environment', points: settings.perEnvironmentPerMinute, duration: 60 },
  { name: 'connect', keyPrefix: 'sync-connect', points: settings.connectPerUserPerHour, duration: 3600 },
] as const;

/**
 * The API's limiters: in this process's memory, or, given the bridge store's PostgreSQL pool, in
 * one table every bridge shares (so N bridges behind a load balancer allow the limit once, not N
 * times). A PostgreSQL outage falls back to the in-memory limit rather than failing requests.
 * @example const limits = await createRateLimits({ perUserPerMinute: 300, perEnvironmentPerMinute: 3000, connectPerUserPerHour: 10 });
 */
export async function createRateLimits(settings: RateLimitSettings, postgres?: pg.Pool): Promise<RateLimits> {
  const limiters = new Map<string, RateLimiterAbstract>();
  // One after the other: each PostgreSQL limiter creates the shared table if missing.
  for (const { name, ...window } of windows(settings)) {
    const memory = new RateLimiterMemory(window);
    limiters.set(
      name,
      postgres
        ? await new Promise<RateLimiterAbstract>((resolve, reject) => {
            const limiter: RateLimiterAbstract = new RateLimiterPostgres(
              { ...window, storeClient: postgres, storeType: 'pool', tableName: 'bridge_rate_limits', insuranceLimiter: memory },
              (error?: Error) => (error ? reject(error) : resolve(limiter)),
            );
          })
        : memory,
    );
  }
  const limiterOf = (name: string) => {
    const limiter = limiters.get(name);
    if (!limiter) throw new Error(`no ${name} limiter`);
    return limiter;
  };
  return { user: limiterOf('user'), environment: limiterOf('environment'), connect: limiterOf('connect') };
}
