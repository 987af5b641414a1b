import type { Context } from 'hono';
import type { Registry } from 'prom-client';
import { isSameSecret } from './is-same-secret';

/** What `/metrics` serves, and the bearer token it asks for (none: anyone who reaches the listener). */
export interface MetricsEndpoint {
  registry: Registry;
  token?: string;
}

const bearerPattern = /^Bearer\s+(\S+)\s*$/i;

/**
 * The `/metrics` handler: the registry in Prometheus's text format, once the caller's
 * `Authorization: Bearer` matches the token (compared in constant time). A refusal says nothing
 * of the metrics.
 */
export function serveMetrics(endpoint: MetricsEndpoint) {
  return async (c: Context) => {
    if (endpoint.token !== undefined) {
      const given = bearerPattern.exec(c.req.header('authorization') ?? '')?.[1];
      if (given === undefined || !isSameSecret(given, endpoint.token)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return c.json({ code: 'auth_required', message: 'the metrics need the bearer token configured as metrics.token' }, 401);
      }
    }
    c.header('Cache-Control', 'no-store');
    return c.body(await endpoint.registry.metrics(), 200, { 'Content-Type': endpoint.registry.contentType });
  };
}
