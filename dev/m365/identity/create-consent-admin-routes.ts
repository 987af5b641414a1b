import { Hono } from 'hono';
import type { IdentityDirectory } from './identity-directory';

/**
 * The stand-in's back door, like the Graph emulator's `/_admin`: `DELETE /_admin/consents` takes
 * back every consent (the tenant's and each user's) a client holds for a resource in a tenant, as
 * an admin revoking the grants in Entra would, so a test meets a user who must consent.
 */
export function createConsentAdminRoutes(directory: IdentityDirectory): Hono {
  const app = new Hono();
  app.delete('/_admin/consents', (c) => {
    const { tenantId = '', clientId = '', resourceAppId = '' } = c.req.query();
    if (!tenantId || !clientId || !resourceAppId) return c.json({ error: 'tenantId, clientId and resourceAppId are required' }, 400);
    const same = (left: string, right: string) => left.toLowerCase() === right.toLowerCase();
    const kept = directory.consents.filter(
      (consent) => !(same(consent.tenantId, tenantId) && same(consent.clientId, clientId) && same(consent.resourceAppId, resourceAppId)),
    );
    const removed = directory.consents.length - kept.length;
    directory.consents.splice(0, directory.consents.length, ...kept);
    return c.json({ removed });
  });
  return app;
}
