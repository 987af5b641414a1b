import { authenticateClient } from './authenticate-client';
import { EntraError } from './entra-error';
import type { GrantContext, TokenRequest, TokenResponse } from './grant-context';
import { issueDelegatedTokens } from './issue-delegated-tokens';
import { parseScopeRequest } from './parse-scope-request';
import { assertTenantMatches } from './resolve-tenant';

/** Redeems a refresh token this server issued to the same client; answers with a new one. */
export async function refreshTokenGrant(context: GrantContext, request: TokenRequest): Promise<TokenResponse> {
  const { directory } = context;
  const { form } = request;
  const tenantName = request.tenant.kind === 'tenant' ? request.tenant.tenant.displayName : request.tenant.alias;
  const client = authenticateClient(directory, request, { confidentialFlow: false, tenantName });
  if (!form.refresh_token) throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'refresh_token'.");

  return context.refreshTokens.redeem(form.refresh_token, client.app.clientId, context.now, async (grant) => {
    assertTenantMatches(request.tenant, grant.tenantId, 'refresh token');
    const user = directory.users.find((candidate) => candidate.tenantId === grant.tenantId && candidate.objectId === grant.userObjectId);
    if (!user) throw new EntraError('invalid_grant', 50034, `The user account {EmailHidden} does not exist in the ${tenantName} directory.`);
    const scopeParameter = form.scope ?? grant.scope;
    const parsed = parseScopeRequest(directory, scopeParameter);
    // A redeemed refresh token is always replaced, whether or not offline_access is asked again.
    const scope = { ...parsed, openIdScopes: [...new Set([...parsed.openIdScopes, 'offline_access'])] };
    return issueDelegatedTokens(context, { user, client, request: scope, scopeParameter, clientInfo: form.client_info === '1' });
  });
}
