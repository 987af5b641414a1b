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

interface Window {
  keyPrefix: string;
  points: number;
  duration: number;
}

/** The table every bridge on the store counts in. */
const tableName = 'bridge_rate_limits';

/**
 * The API's limiters: in this process's memory, or, given the bridge store's PostgreSQL pool, in
 * one table every bridge shares (so N bridges behind a load balancer allow the limit once, not N
 * times). A PostgreSQL outage falls back to the in-memory limit rather than failing requests.
 * @example const limits = await createRateLimits({ perUserPerMinute: 300, perEnvironmentPerMinute: 3000, connectPerUserPerHour: 10 });
 */
export async function createRateLimits(settings: RateLimitSettings, postgres?: pg.Pool): Promise<RateLimits> {
  const limiter = (window: Window) => (postgres ? sharedLimiter(window, postgres) : Promise.resolve(new RateLimiterMemory(window)));
  // One after the other: each PostgreSQL limiter creates the shared table if it is missing.
  const user = await limiter({ keyPrefix: 'api-user', points: settings.perUserPerMinute, duration: 60 });
  const environment = await limiter({ keyPrefix: 'api-environment', points: settings.perEnvironmentPerMinute, duration: 60 });
  const connect = await limiter({ keyPrefix: 'sync-connect', points: settings.connectPerUserPerHour, duration: 3600 });
  return { user, environment, connect };
}

/** A limiter kept in PostgreSQL, ready once its table exists. */
function sharedLimiter(window: Window, pool: pg.Pool): Promise<RateLimiterAbstract> {
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterAbstract = new RateLimiterPostgres(
      { ...window, storeClient: pool, storeType: 'pool', tableName, insuranceLimiter: new RateLimiterMemory(window) },
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}
