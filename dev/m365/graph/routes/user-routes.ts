import type { User } from '@microsoft/microsoft-graph-types';
import { Hono } from 'hono';
import type { EmulatorState } from '../emulator-state';
import type { GraphEnv } from '../graph-env';
import { directoryAccessDenied } from '../graph-error';
import { assertPermission, otherProfileRead, ownProfileRead } from '../graph-permissions';
import { sendGraphJson, serviceRoot } from '../graph-response';
import { resolveMailbox } from '../middleware/resolve-mailbox';

/** `GET /me` and `GET /users/{id | userPrincipalName}`: the user's profile, from the directory. */
export function createUserRoutes(state: EmulatorState): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.get('/', resolveMailbox(state, 'profile'), (c) => {
    const principal = c.get('principal');
    const { user } = c.get('mailbox');
    const isOwnProfile = principal.kind === 'delegated' && principal.userId === user.id;
    assertPermission(principal, isOwnProfile ? ownProfileRead : otherProfileRead, directoryAccessDenied);
    const profile: User & { '@odata.context': string } = {
      '@odata.context': `${serviceRoot(c)}/$metadata#users/$entity`,
      businessPhones: [],
      displayName: user.displayName,
      givenName: user.givenName,
      jobTitle: null,
      mail: user.mail,
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
      surname: user.surname,
      userPrincipalName: user.userPrincipalName,
      id: user.id,
    };
    return sendGraphJson(c, profile);
  });
  return routes;
}
