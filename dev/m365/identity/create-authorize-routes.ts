import { Hono, type Context } from 'hono';
import type { AuthorizationCodeStore } from './authorization-code-store';
import { EntraError } from './entra-error';
import { findRegisteredClient } from './find-registered-client';
import { grantConsent } from './grant-consent';
import type { AppRegistration, IdentityDirectory } from './identity-directory';
import { microsoftGraphResource } from './microsoft-graph-resource';
import { parseScopeRequest, type ScopeRequest } from './parse-scope-request';
import { renderConsentPage } from './render-consent-page';
import { renderSignInErrorPage } from './render-sign-in-error-page';
import { resolveTenant } from './resolve-tenant';
import { readPageForm, signInOnPage } from './sign-in-on-page';

interface AuthorizeRequest {
  app: AppRegistration;
  redirectUri: string;
  scope: string;
  parsed: ScopeRequest;
  state?: string;
  codeChallenge?: string;
  responseMode: 'query' | 'fragment';
}

/**
 * `/{tenant}/oauth2/v2.0/authorize` with `response_type=code`: the user signs in and sees what the
 * app asks for; accepting records the user's consent (the one on-behalf-of checks) and returns a
 * code to the registered redirect URI; cancelling returns `error=access_denied` (AADSTS65004).
 */
export function createAuthorizeRoutes(dependencies: { directory: IdentityDirectory; codes: AuthorizationCodeStore; now: () => Date }): Hono {
  const { directory } = dependencies;
  const app = new Hono();

  app.get('/:tenant/oauth2/v2.0/authorize', (c) => {
    resolveTenant(directory, c.req.param('tenant'));
    const request = readRequest(c.req.query());
    if (typeof request === 'string') return c.html(renderSignInErrorPage(request), 400);
    return c.html(renderPage(request));
  });

  app.post('/:tenant/oauth2/v2.0/authorize', async (c) => {
    const tenant = resolveTenant(directory, c.req.param('tenant'));
    const form = await readPageForm(c);
    const request = readRequest(form);
    if (typeof request === 'string') return c.html(renderSignInErrorPage(request), 400);
    if (form.decision !== 'accept') {
      return redirect(c, request, { error: 'access_denied', error_subcode: 'cancel', error_description: 'AADSTS65004: User declined to consent to access the app.' });
    }
    const user = signInOnPage(directory, tenant, form);
    if (typeof user === 'string') return c.html(renderPage(request, user), 400);
    const { parsed } = request;
    const adminOnly = parsed.resource.isGraph && parsed.scopes.some((name) => microsoftGraphResource.adminConsentScopes.some((scope) => scope === name));
    if (adminOnly && !user.administrator) return c.html(renderPage(request, 'Need admin approval: only an administrator can grant these permissions.'), 403);
    if (parsed.scopes.length > 0) {
      grantConsent(directory, { tenantId: user.tenantId, clientId: request.app.clientId, resourceAppId: parsed.resource.appId, scopes: parsed.scopes, roles: [], userObjectId: user.objectId });
    }
    const code = dependencies.codes.issue({
      clientId: request.app.clientId,
      redirectUri: request.redirectUri,
      scope: request.scope,
      userObjectId: user.objectId,
      ...(request.codeChallenge ? { codeChallenge: request.codeChallenge } : {}),
      expiresAt: new Date(dependencies.now().getTime() + 10 * 60_000),
    });
    return redirect(c, request, { code });
  });

  /** What Entra checks before showing a page: the client, its redirect URI, the response type and scope. */
  function readRequest(parameters: Record<string, string | undefined>): AuthorizeRequest | string {
    const client = findRegisteredClient(directory, parameters.client_id ?? '', parameters.redirect_uri ?? '');
    if (typeof client === 'string') return client;
    if (parameters.response_type !== 'code') return `AADSTS700054: response_type '${parameters.response_type ?? ''}' is not enabled for the application; use 'code'.`;
    if (parameters.code_challenge && parameters.code_challenge_method !== 'S256') return 'AADSTS501491: Invalid code_challenge_method: use S256.';
    let parsed: ScopeRequest;
    try {
      parsed = parseScopeRequest(directory, parameters.scope);
    } catch (error) {
      if (error instanceof EntraError) return `AADSTS${error.aadstsCode}: ${error.message}`;
      throw error;
    }
    return {
      ...client,
      scope: parameters.scope ?? '',
      parsed,
      ...(parameters.state ? { state: parameters.state } : {}),
      ...(parameters.code_challenge ? { codeChallenge: parameters.code_challenge } : {}),
      responseMode: parameters.response_mode === 'fragment' ? 'fragment' : 'query',
    };
  }

  function renderPage(request: AuthorizeRequest, error?: string) {
    const { parsed } = request;
    const carried: Record<string, string | undefined> = {
      client_id: request.app.clientId,
      redirect_uri: request.redirectUri,
      response_type: 'code',
      scope: request.scope,
      state: request.state,
      code_challenge: request.codeChallenge,
      code_challenge_method: request.codeChallenge ? 'S256' : undefined,
      response_mode: request.responseMode,
    };
    return renderConsentPage({
      title: 'Permissions requested',
      appName: request.app.displayName,
      action: 'authorize',
      hidden: Object.fromEntries(Object.entries(carried).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      permissions: parsed.scopes.map((permission) => ({ resource: parsed.resource.displayName, permission, kind: 'delegated' as const })),
      forOrganization: false,
      ...(error ? { error } : {}),
    });
  }

  return app;
}

function redirect(c: Context, request: AuthorizeRequest, parameters: Record<string, string>) {
  const answer = new URLSearchParams({ ...parameters, ...(request.state ? { state: request.state } : {}) });
  const target = new URL(request.redirectUri);
  if (request.responseMode === 'fragment') target.hash = answer.toString();
  else answer.forEach((value, name) => target.searchParams.set(name, value));
  return c.redirect(target.toString(), 302);
}
