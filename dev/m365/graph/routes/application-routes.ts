import { Hono } from 'hono';
import type { DirectoryApplication } from '../directory-application';
import type { GraphEnv } from '../graph-env';
import { directoryAccessDenied, GraphError } from '../graph-error';
import { assertPermission, type GraphPermission } from '../graph-permissions';
import { sendGraphJson, serviceRoot } from '../graph-response';

/** The least-privileged reads of app registrations, per the Graph reference. */
const applicationsRead: GraphPermission = {
  delegated: ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All'],
  application: ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All'],
};

const byAppId = /^applications\(appId='([^']+)'\)$/i;

/**
 * `GET /applications(appId='{appId}')`: an app registration of the caller's tenant, with its
 * `passwordCredentials`. Needs Application.Read.All (or higher); without it the directory
 * answers 403 `Authorization_RequestDenied`.
 */
export function createApplicationRoutes(applications: () => readonly DirectoryApplication[]): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.get('/:resource{applications\\(.+\\)}', (c) => {
    const match = byAppId.exec(decodeURIComponent(c.req.param('resource')));
    if (!match?.[1]) throw new GraphError(400, 'Request_BadRequest', "Invalid object identifier; use applications(appId='{appId}').");
    const principal = c.get('principal');
    assertPermission(principal, applicationsRead, directoryAccessDenied);
    const appId = match[1].toLowerCase();
    const application = applications().find(
      (candidate) => candidate.appId.toLowerCase() === appId && candidate.homeTenantId.toLowerCase() === principal.tenantId.toLowerCase(),
    );
    if (!application) {
      throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${match[1]}' does not exist or one of its queried reference-property objects are not present.`);
    }
    const { homeTenantId: _homeTenantId, ...resource } = application;
    return sendGraphJson(c, { '@odata.context': `${serviceRoot(c)}/$metadata#applications/$entity`, ...resource });
  });
  return routes;
}
