import { Hono, type Context } from 'hono';
import { findRegisteredClient } from './find-registered-client';
import { grantConsent } from './grant-consent';
import type { AppRegistration, Consent, IdentityDirectory } from './identity-directory';
import { listApplicationPermissions, resourceName } from './list-application-permissions';
import { microsoftGraphResource } from './microsoft-graph-resource';
import { parseScopeRequest } from './parse-scope-request';
import { renderConsentPage } from './render-consent-page';
import { renderSignInErrorPage } from './render-sign-in-error-page';
import { resolveTenant } from './resolve-tenant';
import { readPageForm, signInOnPage } from './sign-in-on-page';

interface AdminConsentRequest {
  app: AppRegistration;
  redirectUri: string;
  scope: string;
  state: string | undefined;
}

/**
 * Entra's v2 admin-consent endpoint, `/{tenant}/v2.0/adminconsent`: an administrator signs in,
 * sees the app and what it asks for, and grants it for the whole tenant. The answer goes to the
 * registered `redirect_uri` with `admin_consent=True&tenant=…&scope=…`, or
 * `error=permission_denied` when the admin cancels.
 */
export function createAdminConsentRoutes(directory: IdentityDirectory): Hono {
  const app = new Hono();

  app.get('/:tenant/v2.0/adminconsent', (c) => {
    resolveTenant(directory, c.req.param('tenant'));
    const request = readRequest(c.req.query());
    if (typeof request === 'string') return c.html(renderSignInErrorPage(request), 400);
    return c.html(renderPage(request, c.req.path));
  });

  app.post('/:tenant/v2.0/adminconsent', async (c) => {
    const tenant = resolveTenant(directory, c.req.param('tenant'));
    const form = await readPageForm(c);
    const request = readRequest(form);
    if (typeof request === 'string') return c.html(renderSignInErrorPage(request), 400);
    if (form.decision !== 'accept') {
      return redirect(c, request, { error: 'permission_denied', error_description: 'The admin canceled the request' });
    }
    const user = signInOnPage(directory, tenant, form);
    if (typeof user === 'string') return c.html(renderPage(request, c.req.path, user), 400);
    if (!user.administrator) {
      return c.html(renderPage(request, c.req.path, 'Need admin approval: only an administrator of your organization can grant these permissions for everyone.'), 403);
    }
    const grants = grantsOf(request, user.tenantId);
    grants.forEach((grant) => grantConsent(directory, grant));
    const granted = grants.flatMap((grant) => [...grant.scopes, ...grant.roles].map((name) => `${resourcePrefix(grant.resourceAppId)}${name}`));
    return redirect(c, request, { admin_consent: 'True', tenant: user.tenantId, scope: granted.join(' ') });
  });

  /** Checks what Entra checks before showing anything: a known client and a registered redirect URI. */
  function readRequest(parameters: Record<string, string | undefined>): AdminConsentRequest | string {
    const client = findRegisteredClient(directory, parameters.client_id ?? '', parameters.redirect_uri ?? '');
    if (typeof client === 'string') return client;
    return { ...client, scope: parameters.scope ?? '', state: parameters.state };
  }

  /** `.default` (or no scope) grants everything the registration lists; named scopes grant those. */
  function grantsOf(request: AdminConsentRequest, tenantId: string): Consent[] {
    const named = request.scope.split(/\s+/).filter((word) => word && !['openid', 'profile', 'email', 'offline_access'].includes(word));
    if (named.length === 0 || named.some((word) => word.endsWith('/.default'))) return listApplicationPermissions(request.app, tenantId);
    const parsed = parseScopeRequest(directory, request.scope);
    return [{ tenantId, clientId: request.app.clientId, resourceAppId: parsed.resource.appId, scopes: parsed.scopes, roles: [] }];
  }

  function renderPage(request: AdminConsentRequest, path: string, error?: string) {
    const grants = grantsOf(request, request.app.homeTenantId);
    return renderConsentPage({
      title: 'Permissions requested',
      appName: request.app.displayName,
      action: path,
      hidden: { client_id: request.app.clientId, redirect_uri: request.redirectUri, scope: request.scope, ...(request.state ? { state: request.state } : {}) },
      permissions: grants.flatMap((grant) => [
        ...grant.scopes.map((permission) => ({ resource: resourceName(directory, grant.resourceAppId), permission, kind: 'delegated' as const })),
        ...grant.roles.map((permission) => ({ resource: resourceName(directory, grant.resourceAppId), permission, kind: 'application' as const })),
      ]),
      forOrganization: true,
      ...(error ? { error } : {}),
    });
  }

  function resourcePrefix(resourceAppId: string): string {
    if (resourceAppId === microsoftGraphResource.appId) return `${microsoftGraphResource.identifierUri}/`;
    const resource = directory.applications.find((candidate) => candidate.clientId === resourceAppId);
    return `${resource?.identifierUri ?? `api://${resourceAppId}`}/`;
  }

  return app;
}

function redirect(c: Context, request: AdminConsentRequest, parameters: Record<string, string>) {
  const target = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(parameters)) target.searchParams.set(name, value);
  if (request.state) target.searchParams.set('state', request.state);
  return c.redirect(target.toString(), 302);
}
