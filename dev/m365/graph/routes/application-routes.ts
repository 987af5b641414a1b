import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ApplicationRegistry } from '../application-registry';
import type { GraphEnv } from '../graph-env';
import { directoryAccessDenied, GraphError } from '../graph-error';
import { applicationsWrite, assertPermission } from '../graph-permissions';
import { sendGraphJson, serviceRoot } from '../graph-response';
import { parseApplicationInput } from '../parse-application-input';
import { readJsonBody } from '../read-json-body';
import { renderApplication, renderPasswordCredential } from '../render-application';

const requireApplicationsWrite: MiddlewareHandler<GraphEnv> = async (c, next) => {
  assertPermission(c.get('principal'), applicationsWrite, directoryAccessDenied);
  await next();
};

const addPasswordSchema = z.strictObject({
  passwordCredential: z.strictObject({ displayName: z.string().optional(), endDateTime: z.iso.datetime({ offset: true }).optional() }).prefault({}),
});

/**
 * App registrations in the caller's tenant: `POST /applications`, `GET`/`PATCH /applications/{id}`,
 * `POST /applications/{id}/addPassword` and `POST /servicePrincipals`, each needing
 * `Application.ReadWrite.All` as Graph's reference pages list.
 */
export function createApplicationRoutes(registry: ApplicationRegistry): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.use('/applications', requireApplicationsWrite);
  routes.use('/applications/*', requireApplicationsWrite);
  routes.use('/servicePrincipals', requireApplicationsWrite);

  routes.post('/applications', async (c) => {
    const application = registry.create(c.get('principal').tenantId, parseApplicationInput(await readJsonBody(c)));
    return sendGraphJson(c, renderApplication(application, `${serviceRoot(c)}/$metadata#applications/$entity`), { status: 201 });
  });
  routes.get('/applications/:id', (c) => {
    const application = registry.find(c.get('principal').tenantId, c.req.param('id'));
    return sendGraphJson(c, renderApplication(application, `${serviceRoot(c)}/$metadata#applications/$entity`));
  });
  routes.patch('/applications/:id', async (c) => {
    registry.update(c.get('principal').tenantId, c.req.param('id'), parseApplicationInput(await readJsonBody(c), true));
    return c.body(null, 204);
  });
  routes.post('/applications/:id/addPassword', async (c) => {
    const parsed = addPasswordSchema.safeParse(await readJsonBody(c));
    if (!parsed.success) throw new GraphError(400, 'Request_BadRequest', 'Invalid passwordCredential: displayName is a string, endDateTime an ISO 8601 date.');
    const credential = registry.addPassword(c.get('principal').tenantId, c.req.param('id'), parsed.data.passwordCredential);
    return sendGraphJson(c, { '@odata.context': `${serviceRoot(c)}/$metadata#microsoft.graph.passwordCredential`, ...renderPasswordCredential(credential, true) });
  });
  routes.post('/servicePrincipals', async (c) => {
    const parsed = z.strictObject({ appId: z.string().min(1) }).safeParse(await readJsonBody(c));
    if (!parsed.success) throw new GraphError(400, 'Request_BadRequest', "A service principal needs the 'appId' of its application.");
    const principal = registry.createServicePrincipal(c.get('principal').tenantId, parsed.data.appId);
    return sendGraphJson(
      c,
      {
        '@odata.context': `${serviceRoot(c)}/$metadata#servicePrincipals/$entity`,
        id: principal.id,
        appId: principal.appId,
        displayName: principal.displayName,
        accountEnabled: true,
        servicePrincipalType: 'Application',
        appOwnerOrganizationId: principal.tenantId,
      },
      { status: 201 },
    );
  });
  return routes;
}
