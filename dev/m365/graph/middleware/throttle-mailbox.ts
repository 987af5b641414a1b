import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import type { EmulatorCounters } from '../emulator-counters';
import type { GraphEnv } from '../graph-env';
import { GraphError } from '../graph-error';
import type { MailboxThrottle } from '../mailbox-throttle';

/** An admitted mailbox request, as an interceptor sees it. */
export interface AdmittedRequest {
  mailboxId: string;
  method: string;
  url: string;
  headers: Headers;
}

/**
 * Sees every admitted mailbox request before it is served, while it holds its throttling slot, and
 * decides when `serve` runs (or, by throwing, that it never does: the request fails with a 500). Tests
 * use it to hold requests at an exact point instead of guessing with latency.
 */
export type RequestInterceptor = (request: AdmittedRequest, serve: () => Promise<void>) => Promise<void>;

/** Latency every admitted mailbox request spends, so that concurrency is observable; and an optional interceptor. */
export interface ServiceLatency {
  latencyMs: number;
  interceptor?: RequestInterceptor | undefined;
}

const messages = {
  MailboxConcurrency: 'Application is over its MailboxConcurrency limit.',
  RequestBudget: 'Application is over its request limit for this mailbox in the current window.',
};

/**
 * Outlook's per app-and-mailbox limits: a request over the concurrency limit or the request
 * budget is answered 429 `ApplicationThrottled` with `Retry-After`.
 */
export function throttleMailbox(throttle: MailboxThrottle, counters: EmulatorCounters, service: ServiceLatency): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const mailboxId = c.get('mailbox').user.id;
    const decision = throttle.tryAdmit(c.get('principal').appId, mailboxId);
    if (!decision.admitted) {
      counters.countThrottled(mailboxId);
      throw new GraphError(429, 'ApplicationThrottled', messages[decision.limit], { 'Retry-After': decision.retryAfter });
    }
    const leave = counters.enterMailbox(mailboxId, c.req.method);
    const serve = async () => {
      const delayMs = service.latencyMs + c.get('faultDelayMs');
      c.set('faultDelayMs', 0);
      if (delayMs > 0) await sleep(delayMs);
      await next();
    };
    try {
      const interceptor = service.interceptor;
      if (interceptor) await interceptor({ mailboxId, method: c.req.method, url: c.req.url, headers: c.req.raw.headers }, serve);
      else await serve();
    } finally {
      leave();
      decision.release();
    }
  };
}
