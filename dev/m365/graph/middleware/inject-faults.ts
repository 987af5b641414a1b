import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import type { EmulatorCounters } from '../emulator-counters';
import type { FaultInjector } from '../fault-injector';
import type { GraphEnv } from '../graph-env';
import { GraphError } from '../graph-error';

/**
 * Fails the request the way a busy or broken Graph front end does, before any token check.
 * `$batch` items have no socket of their own, so a reset drawn for one is not applied.
 */
export function injectFaults(faults: FaultInjector, counters: EmulatorCounters): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    c.set('faultDelayMs', 0);
    const fault = faults.next(c.env.incoming !== undefined);
    const config = faults.settings;
    if (!fault || !config) return next();
    counters.countFault(fault);
    const retryAfter = { 'Retry-After': String(config.retryAfterSeconds) };
    switch (fault) {
      case 'throttled':
        throw new GraphError(429, 'TooManyRequests', 'Please retry again later.', retryAfter);
      case 'serviceUnavailable':
        throw new GraphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable. Retry after the delay in Retry-After.', retryAfter);
      case 'gatewayTimeout':
        throw new GraphError(504, 'GatewayTimeout', 'The gateway did not receive a timely response from the service.');
      case 'connectionReset':
        c.env.incoming?.socket.destroy();
        return c.body(null, 500);
      case 'slow': {
        // A mailbox request spends the delay while holding its throttling slot (see throttleMailbox).
        c.set('faultDelayMs', config.slowMs);
        await next();
        const unspent = c.get('faultDelayMs');
        if (unspent > 0) await sleep(unspent);
        return;
      }
    }
  };
}
