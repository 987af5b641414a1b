import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import type { EmulatorCounters } from '../emulator-counters';
import type { GraphEnv } from '../graph-env';
import { GraphError } from '../graph-error';
import type { MailboxThrottle } from '../mailbox-throttle';

/** A request as an interceptor sees it; `mailboxId` once it has been admitted to a mailbox. */
export interface InterceptedRequest {
  method: string;
  url: string;
  headers: Headers;
  batchItem: boolean;
  mailboxId?: string;
}

/**
 * Sees a request and decides when `serve` runs (or, by throwing, that it never does: the request
 * fails with a 500). Tests use it to hold requests at an exact point instead of guessing with latency.
 */
export type RequestInterceptor = (request: InterceptedRequest, serve: () => Promise<void>) => Promise<void>;

/**
 * Where an interceptor sits: `arrived`, every Graph request as it comes in, before faults, token
 * checks and throttling; `admitted`, mailbox requests admitted by the throttle, holding their slot.
 */
export type InterceptionPoint = 'arrived' | 'admitted';

/** Latency every admitted mailbox request spends, so that concurrency is observable; and the interceptors. */
export interface ServiceLatency {
  latencyMs: number;
  interceptors?: Partial<Record<InterceptionPoint, RequestInterceptor>>;
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
      const interceptor = service.interceptors?.admitted;
      if (interceptor) await interceptor({ method: c.req.method, url: c.req.url, headers: c.req.raw.headers, batchItem: c.env.batchItem === true, mailboxId }, serve);
      else await serve();
    } finally {
      leave();
      decision.release();
    }
  };
}

/** Hands every arriving Graph request to the `arrived` interceptor, if one is set. */
export function interceptArrivals(service: ServiceLatency): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const interceptor = service.interceptors?.arrived;
    if (!interceptor) return next();
    await interceptor({ method: c.req.method, url: c.req.url, headers: c.req.raw.headers, batchItem: c.env.batchItem === true }, next);
  };
}
