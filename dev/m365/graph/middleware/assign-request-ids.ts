import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { GraphEnv } from '../graph-env';

/** Every Graph answer names its `request-id` and echoes the client's `client-request-id`. */
export const assignRequestIds: MiddlewareHandler<GraphEnv> = async (c, next) => {
  const requestId = randomUUID();
  const clientRequestId = c.req.header('client-request-id') ?? requestId;
  c.set('requestId', requestId);
  c.set('clientRequestId', clientRequestId);
  await next();
  c.header('request-id', requestId);
  c.header('client-request-id', clientRequestId);
};
