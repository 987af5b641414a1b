import { randomUUID } from 'node:crypto';
import type { AuthenticatedClient } from './authenticate-client';
import { buildAccessTokenClaims } from './build-access-token-claims';
import { buildIdTokenClaims } from './build-id-token-claims';
import { issuerFor, type GrantContext, type TokenResponse } from './grant-context';
import type { DirectoryUser } from './identity-directory';
import type { ScopeRequest } from './parse-scope-request';
import { resolveDelegatedScopes } from './resolve-delegated-scopes';

export interface DelegatedGrant {
  user: DirectoryUser;
  client: AuthenticatedClient;
  request: ScopeRequest;
  /** The `scope` parameter as sent, remembered by the refresh token. */
  scopeParameter: string;
  /** `client_info=1`: MSAL asks for the account's `uid`/`utid` this way. */
  clientInfo: boolean;
}

/** Access token for the user at the requested resource, plus the ID and refresh tokens asked for. */
export async function issueDelegatedTokens(context: GrantContext, grant: DelegatedGrant): Promise<TokenResponse> {
  const { user, client, request } = grant;
  const { resource } = request;
  const scopes = resolveDelegatedScopes(context.directory, { client: client.app, user, request });
  // Graph tokens list the sign-in scopes in `scp` too; an API's token lists only its own.
  const signInScopes = request.openIdScopes.filter((scope) => scope !== 'offline_access');
  const scp = resource.isGraph ? [...scopes, ...signInScopes] : scopes;
  const resourceApp = context.directory.applications.find((app) => app.clientId === resource.appId);
  const roles = user.appRoleAssignments
    .filter((assignment) => assignment.resourceAppId === resource.appId && (resourceApp?.appRoles.includes(assignment.role) ?? false))
    .map((assignment) => assignment.role);

  const issuer = issuerFor(context.baseUrl, user.tenantId);
  const issuedAt = Math.floor(context.now.getTime() / 1000);
  const lifetimeSeconds = context.accessTokenLifetimeSeconds;
  const accessToken = await context.signer.sign(
    buildAccessTokenClaims({
      issuer,
      tenantId: user.tenantId,
      audience: resource.audience,
      resourceAppId: resource.appId,
      clientId: client.app.clientId,
      authenticationMethod: client.authenticationMethod,
      subject: { kind: 'user', user },
      scopes: scp,
      roles,
      issuedAt,
      lifetimeSeconds,
      tokenId: randomUUID(),
    }),
  );

  const response: TokenResponse = {
    token_type: 'Bearer',
    scope: [...scopes.map((scope) => `${resource.scopePrefix}${scope}`), ...request.openIdScopes].join(' '),
    expires_in: lifetimeSeconds,
    ext_expires_in: lifetimeSeconds,
    access_token: accessToken,
  };
  if (request.openIdScopes.includes('offline_access')) {
    response.refresh_token = context.refreshTokens.issue(
      { clientId: client.app.clientId, tenantId: user.tenantId, userObjectId: user.objectId, scope: grant.scopeParameter },
      context.now,
    );
  }
  if (request.openIdScopes.includes('openid')) {
    response.id_token = await context.signer.sign(
      buildIdTokenClaims({ issuer, clientId: client.app.clientId, user, issuedAt, lifetimeSeconds, tokenId: randomUUID() }),
    );
  }
  if (grant.clientInfo) {
    response.client_info = Buffer.from(JSON.stringify({ uid: user.objectId, utid: user.tenantId })).toString('base64url');
  }
  return response;
}
