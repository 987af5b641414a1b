import type { MiddlewareHandler } from 'hono';
import type { ApplicationMailboxScopes } from '../application-mailbox-scopes';
import type { GraphEnv } from '../graph-env';
import { accessDenied } from '../graph-error';

/** App-only calls to a mailbox outside the app's RBAC for Applications scope are refused (after `resolveMailbox`). */
export function enforceApplicationScope(scopes: ApplicationMailboxScopes): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (principal.kind === 'application' && !scopes.allows(principal.appId, c.get('mailbox').user.id)) throw accessDenied();
    await next();
  };
}
