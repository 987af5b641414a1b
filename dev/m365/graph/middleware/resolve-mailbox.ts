import type { MiddlewareHandler } from 'hono';
import type { EmulatorState } from '../emulator-state';
import type { GraphEnv } from '../graph-env';
import { accessDenied, directoryAccessDenied, GraphError } from '../graph-error';

/**
 * Finds the mailbox of `/me` or `/users/{id | userPrincipalName}` and checks that the caller may
 * reach it: `/me` is delegated only, a mailbox must be in the token's tenant, and a delegated
 * caller reaches only its own mailbox (shared folders are not emulated).
 */
export function resolveMailbox(state: EmulatorState, resource: 'profile' | 'mailbox'): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    const userKey = c.req.param('userId');
    if (userKey === undefined) {
      if (principal.kind !== 'delegated') {
        throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      }
      const mailbox = state.findMailbox(principal.userId);
      if (!mailbox || mailbox.user.tenantId.toLowerCase() !== principal.tenantId.toLowerCase()) {
        throw new GraphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
      }
      c.set('mailbox', mailbox);
      return next();
    }

    const mailbox = state.findMailbox(userKey);
    if (!mailbox) {
      throw resource === 'profile'
        ? new GraphError(404, 'Request_ResourceNotFound', `Resource '${userKey}' does not exist or one of its queried reference-property objects are not present.`)
        : new GraphError(404, 'ErrorInvalidUser', `The requested user '${userKey}' is invalid.`);
    }
    const denied = resource === 'profile' ? directoryAccessDenied : accessDenied;
    if (mailbox.user.tenantId.toLowerCase() !== principal.tenantId.toLowerCase()) throw denied();
    if (resource === 'mailbox' && principal.kind === 'delegated' && mailbox.user.id !== principal.userId) throw denied();
    c.set('mailbox', mailbox);
    return next();
  };
}
