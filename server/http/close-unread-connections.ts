import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

const hasBody = (contentLength: string | undefined, transferEncoding: string | undefined) =>
  transferEncoding !== undefined || (contentLength !== undefined && contentLength !== '0');

/**
 * After a 413, or a body the route never read, the rest of that body is still on the wire: the
 * server gives up draining it and drops the socket. Saying `Connection: close` lets the client (or
 * a proxy that reuses connections for other users) open a new one instead of losing its next request.
 */
export const closeUnreadConnections: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const unread = hasBody(c.req.header('content-length'), c.req.header('transfer-encoding')) && !c.req.raw.bodyUsed;
  if (unread || c.res.status === 413) c.header('Connection', 'close');
};
