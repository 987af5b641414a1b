import type { MiddlewareHandler } from 'hono';
import type { GraphEnv } from '../graph-env';
import { accessDenied } from '../graph-error';
import { assertPermission, type GraphPermission } from '../graph-permissions';

/** GET needs `read`, other methods `write`; Exchange answers 403 `ErrorAccessDenied` otherwise. */
export function requirePermission(read: GraphPermission, write: GraphPermission): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    assertPermission(c.get('principal'), c.req.method === 'GET' ? read : write, accessDenied);
    await next();
  };
}
