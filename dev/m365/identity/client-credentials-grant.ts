import { randomUUID } from 'node:crypto';
import { authenticateClient } from './authenticate-client';
import { buildAccessTokenClaims } from './build-access-token-claims';
import { EntraError } from './entra-error';
import { findConsentedPermissions } from './find-consented-permissions';
import { issuerFor, type GrantContext, type TokenRequest, type TokenResponse } from './grant-context';
import { hasServicePrincipal } from './has-service-principal';
import { microsoftGraphResource } from './microsoft-graph-resource';
import { parseScopeRequest } from './parse-scope-request';
import { stableGuid } from './stable-guid';

/** App-only token: `roles` from admin-consented application permissions, never `scp`. */
export async function clientCredentialsGrant(context: GrantContext, request: TokenRequest): Promise<TokenResponse> {
  if (request.tenant.kind === 'alias') {
    throw new EntraError('invalid_request', 50059, 'No tenant-identifying information found in either the request or implied by any provided credentials.');
  }
  const { tenant } = request.tenant;
  const { directory } = context;
  const client = authenticateClient(directory, request, { confidentialFlow: true, tenantName: tenant.displayName, now: context.now });
  if (!hasServicePrincipal(directory, tenant.id, client.app.clientId)) {
    throw new EntraError(
      'unauthorized_client',
      700016,
      `Application with identifier '${client.app.clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  const scope = parseScopeRequest(directory, request.form.scope);
  if (!scope.isDefault || scope.openIdScopes.length > 0) {
    throw new EntraError(
      'invalid_scope',
      1002012,
      `The provided value for scope ${request.form.scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const { resource } = scope;
  const defined: readonly string[] = resource.isGraph
    ? microsoftGraphResource.roles
    : (directory.applications.find((app) => app.clientId === resource.appId)?.appRoles ?? []);
  const roles = findConsentedPermissions(directory, { tenantId: tenant.id, clientId: client.app.clientId, resourceAppId: resource.appId }).roles.filter(
    (role) => defined.includes(role),
  );

  const lifetimeSeconds = context.accessTokenLifetimeSeconds;
  const servicePrincipalId = stableGuid('service-principal', tenant.id.toLowerCase(), client.app.clientId.toLowerCase());
  const accessToken = await context.signer.sign(
    buildAccessTokenClaims({
      issuer: issuerFor(context.baseUrl, tenant.id),
      tenantId: tenant.id,
      audience: resource.audience,
      resourceAppId: resource.appId,
      clientId: client.app.clientId,
      authenticationMethod: client.authenticationMethod,
      subject: { kind: 'app', servicePrincipalId },
      scopes: [],
      roles,
      issuedAt: Math.floor(context.now.getTime() / 1000),
      lifetimeSeconds,
      tokenId: randomUUID(),
    }),
  );
  return { token_type: 'Bearer', expires_in: lifetimeSeconds, ext_expires_in: lifetimeSeconds, access_token: accessToken };
}
