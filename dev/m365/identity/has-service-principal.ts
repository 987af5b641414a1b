import type { IdentityDirectory } from './identity-directory';

/** Entra knows an app in a tenant once it is home there or someone consented to it there. */
export function hasServicePrincipal(directory: IdentityDirectory, tenantId: string, clientId: string): boolean {
  const same = (left: string, right: string) => left.toLowerCase() === right.toLowerCase();
  return (
    directory.applications.some((app) => same(app.clientId, clientId) && same(app.homeTenantId, tenantId)) ||
    directory.consents.some((consent) => same(consent.clientId, clientId) && same(consent.tenantId, tenantId))
  );
}
