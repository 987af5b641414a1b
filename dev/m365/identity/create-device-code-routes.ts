import { Hono } from 'hono';
import { html } from 'hono/html';
import type { DeviceCodeStore } from './device-code-store';
import { EntraError } from './entra-error';
import { grantConsent } from './grant-consent';
import type { IdentityDirectory } from './identity-directory';
import { microsoftGraphResource } from './microsoft-graph-resource';
import { parseScopeRequest } from './parse-scope-request';
import { renderConsentPage } from './render-consent-page';
import { resolveTenant } from './resolve-tenant';
import { signInOnPage } from './sign-in-on-page';

export interface DeviceCodeRouteDependencies {
  directory: IdentityDirectory;
  deviceCodes: DeviceCodeStore;
  baseUrl: () => string;
  now: () => Date;
  /** Seconds a device waits between two polls of the token endpoint (Entra: 5). */
  pollingIntervalSeconds: number;
  lifetimeSeconds: number;
}

/**
 * The device authorization grant's two halves: `/{tenant}/oauth2/v2.0/devicecode` where a device
 * (a command line) gets a user code, and `/devicelogin` where the user enters it, signs in and
 * consents. The token endpoint's `device_code` grant then answers the device.
 */
export function createDeviceCodeRoutes(dependencies: DeviceCodeRouteDependencies): Hono {
  const { directory, deviceCodes } = dependencies;
  const app = new Hono();

  app.post('/:tenant/oauth2/v2.0/devicecode', async (c) => {
    const tenant = resolveTenant(directory, c.req.param('tenant'));
    const form = await c.req.parseBody();
    const clientId = typeof form.client_id === 'string' ? form.client_id : '';
    if (!clientId) throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
    const client = directory.applications.find((candidate) => candidate.clientId.toLowerCase() === clientId.toLowerCase());
    if (!client) throw new EntraError('unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory.`);
    if (!client.allowPublicClientFlows) {
      throw new EntraError('invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    const scope = typeof form.scope === 'string' ? form.scope : '';
    parseScopeRequest(directory, scope);
    const started = deviceCodes.start({ tenant, clientId: client.clientId, scope }, dependencies.now());
    const verificationUri = `${dependencies.baseUrl()}/devicelogin`;
    return c.json({
      user_code: started.userCode,
      device_code: started.deviceCode,
      verification_uri: verificationUri,
      expires_in: dependencies.lifetimeSeconds,
      interval: dependencies.pollingIntervalSeconds,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${started.userCode} to authenticate.`,
    });
  });

  app.get('/devicelogin', (c) => {
    const userCode = c.req.query('user_code');
    if (!userCode) return c.html(renderCodeForm());
    return renderConsentFor(userCode, undefined, (body, status) => c.html(body, status));
  });

  app.post('/devicelogin', async (c) => {
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? form[name] : '');
    const request = deviceCodes.findByUserCode(field('user_code'));
    if (!request || request.answer.kind !== 'pending' || request.expiresAt <= dependencies.now()) {
      return c.html(renderCodeForm('That code is unknown, already used or expired. Start the sign-in again on your device.'), 400);
    }
    if (field('decision') !== 'accept') {
      request.answer = { kind: 'declined' };
      return c.html(renderMessage('You declined the sign-in. You may close this window.'));
    }
    const user = signInOnPage(directory, request.tenant, { username: field('username'), password: field('password') });
    if (typeof user === 'string') return renderConsentFor(request.userCode, user, (body, status) => c.html(body, status));
    const scope = parseScopeRequest(directory, request.scope);
    const needsAdministrator = scope.resource.isGraph && scope.scopes.some((name) => microsoftGraphResource.adminConsentScopes.some((adminOnly) => adminOnly === name));
    if (needsAdministrator && !user.administrator) {
      return renderConsentFor(
        request.userCode,
        'Need admin approval: these permissions can only be granted by an administrator of your organization.',
        (body, status) => c.html(body, status),
      );
    }
    if (scope.scopes.length > 0) {
      grantConsent(directory, { tenantId: user.tenantId, clientId: request.clientId, resourceAppId: scope.resource.appId, scopes: scope.scopes, roles: [], userObjectId: user.objectId });
    }
    request.answer = { kind: 'approved', userObjectId: user.objectId };
    return c.html(renderMessage('You have signed in on your device. You may close this window.'));
  });

  function renderConsentFor<T>(userCode: string, error: string | undefined, respond: (body: ReturnType<typeof renderConsentPage>, status: 200 | 400) => T): T {
    const request = deviceCodes.findByUserCode(userCode);
    if (!request || request.answer.kind !== 'pending' || request.expiresAt <= dependencies.now()) {
      return respond(renderCodeForm('That code is unknown, already used or expired. Start the sign-in again on your device.'), 400);
    }
    const scope = parseScopeRequest(directory, request.scope);
    const client = directory.applications.find((app) => app.clientId === request.clientId);
    return respond(
      renderConsentPage({
        title: 'Sign in on your device',
        appName: client?.displayName ?? request.clientId,
        action: '/devicelogin',
        hidden: { user_code: request.userCode },
        permissions: scope.scopes.map((permission) => ({ resource: scope.resource.displayName, permission, kind: 'delegated' as const })),
        forOrganization: false,
        ...(error ? { error } : {}),
      }),
      error ? 400 : 200,
    );
  }

  return app;
}

function renderCodeForm(error?: string) {
  return html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Enter code</title></head>
  <body>
    <main>
      <h1>Enter code</h1>
      <p>Enter the code displayed on your app or device.</p>
      ${error ? html`<p role="alert">${error}</p>` : ''}
      <form method="get" action="/devicelogin">
        <label>Code <input name="user_code" autocomplete="off" required /></label>
        <button type="submit">Next</button>
      </form>
    </main>
  </body>
</html>`;
}

function renderMessage(message: string) {
  return html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${message}</title></head>
  <body><main><p role="status">${message}</p></main></body>
</html>`;
}
