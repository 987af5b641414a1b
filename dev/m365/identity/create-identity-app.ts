import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { buildCloudDiscovery } from './build-cloud-discovery';
import { buildOpenIdConfiguration } from './build-openid-configuration';
import { authorizationCodeGrant } from './authorization-code-grant';
import { createAuthorizationCodeStore } from './authorization-code-store';
import { clientCredentialsGrant } from './client-credentials-grant';
import { deviceCodeGrant } from './device-code-grant';
import type { DeviceCodeStore } from './device-code-store';
import { createAdminConsentRoutes } from './create-admin-consent-routes';
import { createAuthorizeRoutes } from './create-authorize-routes';
import { createConsentAdminRoutes } from './create-consent-admin-routes';
import { createDeviceCodeRoutes } from './create-device-code-routes';
import type { RefreshTokenStore } from './create-refresh-token-store';
import type { TokenSigner } from './create-token-signer';
import { EntraError, entraErrorBody } from './entra-error';
import type { GrantContext, TokenRequest, TokenResponse } from './grant-context';
import type { IdentityDirectory } from './identity-directory';
import { onBehalfOfGrant } from './on-behalf-of-grant';
import { passwordGrant } from './password-grant';
import { refreshTokenGrant } from './refresh-token-grant';
import { resolveTenant } from './resolve-tenant';

export interface IdentityAppDependencies {
  directory: IdentityDirectory;
  signer: TokenSigner;
  refreshTokens: RefreshTokenStore;
  /** Known only once the server listens (port 0), hence a function. */
  baseUrl: () => string;
  /** Where people's browsers reach the server (its pages): `baseUrl` unless it also serves plain loopback HTTP. */
  browserBaseUrl: () => string;
  now: () => Date;
  accessTokenLifetimeSeconds: number;
  deviceCodes: DeviceCodeStore;
  /** Seconds between a device's polls (Entra: 5) and a device code's lifetime (Entra: 900). */
  deviceCodePolling: { intervalSeconds: number; lifetimeSeconds: number };
}

type Grant = (context: GrantContext, request: TokenRequest) => Promise<TokenResponse>;

/**
 * Entra's tenant-scoped routes: discovery, keys, the token endpoint, the device code sign-in, the
 * authorize page (sign-in and user consent) and the admin-consent page.
 */
export function createIdentityApp(dependencies: IdentityAppDependencies): Hono {
  const { directory, signer } = dependencies;
  const codes = createAuthorizationCodeStore();
  const grants: Record<string, Grant> = {
    authorization_code: authorizationCodeGrant(codes),
    client_credentials: clientCredentialsGrant,
    password: passwordGrant,
    refresh_token: refreshTokenGrant,
    'urn:ietf:params:oauth:grant-type:jwt-bearer': onBehalfOfGrant,
    // The documented name, and the short one MSAL sends; Entra takes both.
    'urn:ietf:params:oauth:grant-type:device_code': deviceCodeGrant(dependencies.deviceCodes),
    device_code: deviceCodeGrant(dependencies.deviceCodes),
  };
  const app = new Hono();
  // Entra's answers carry its clock in `Date`; a client compares it with its own to spot skew.
  app.use('*', async (c, next) => {
    await next();
    c.header('Date', dependencies.now().toUTCString());
  });
  app.route(
    '/',
    createDeviceCodeRoutes({
      directory,
      deviceCodes: dependencies.deviceCodes,
      baseUrl: dependencies.browserBaseUrl,
      now: dependencies.now,
      pollingIntervalSeconds: dependencies.deviceCodePolling.intervalSeconds,
      lifetimeSeconds: dependencies.deviceCodePolling.lifetimeSeconds,
    }),
  );
  app.route('/', createAdminConsentRoutes(directory));
  app.route('/', createAuthorizeRoutes({ directory, codes, now: dependencies.now }));
  app.route('/', createConsentAdminRoutes(directory));

  app.get('/common/discovery/instance', (c) => {
    const endpoint = c.req.query('authorization_endpoint');
    const tenant = endpoint ? (new URL(endpoint).pathname.split('/')[1] ?? 'common') : 'common';
    return c.json(buildCloudDiscovery(dependencies.baseUrl(), tenant || 'common'));
  });

  app.get('/:tenant/v2.0/.well-known/openid-configuration', (c) =>
    c.json(buildOpenIdConfiguration(dependencies.baseUrl(), resolveTenant(directory, c.req.param('tenant')))),
  );

  app.get('/:tenant/discovery/v2.0/keys', (c) => {
    resolveTenant(directory, c.req.param('tenant'));
    return c.json(signer.jwks());
  });

  app.post('/:tenant/oauth2/v2.0/token', async (c) => {
    const tenant = resolveTenant(directory, c.req.param('tenant'));
    const body = await c.req.parseBody();
    const form = Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const grantType = form.grant_type;
    if (!grantType) throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
    const grant = Object.hasOwn(grants, grantType) ? grants[grantType] : undefined;
    if (!grant) throw new EntraError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
    const context: GrantContext = {
      directory,
      signer,
      refreshTokens: dependencies.refreshTokens,
      baseUrl: dependencies.baseUrl(),
      now: dependencies.now(),
      accessTokenLifetimeSeconds: dependencies.accessTokenLifetimeSeconds,
    };
    const response = await grant(context, { tenant, form, authorization: c.req.header('authorization') });
    c.header('Cache-Control', 'no-store, no-cache');
    return c.json(response);
  });

  app.onError((error, c) => {
    if (!(error instanceof EntraError)) return c.json({ error: 'server_error', error_description: error.message }, 500);
    // Metadata endpoints answer an unknown tenant with `invalid_tenant`, the token endpoint with `invalid_request`.
    const failure =
      error.aadstsCode === 90002 && c.req.method === 'GET' ? new EntraError('invalid_tenant', error.aadstsCode, error.message) : error;
    const body = entraErrorBody(failure, {
      baseUrl: dependencies.baseUrl(),
      traceId: randomUUID(),
      correlationId: c.req.header('client-request-id') ?? randomUUID(),
      at: dependencies.now(),
    });
    return c.json(body, failure.status);
  });

  return app;
}
