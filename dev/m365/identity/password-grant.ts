import { authenticateClient } from './authenticate-client';
import { EntraError } from './entra-error';
import type { GrantContext, TokenRequest, TokenResponse } from './grant-context';
import { issueDelegatedTokens } from './issue-delegated-tokens';
import { parseScopeRequest } from './parse-scope-request';
import { assertTenantMatches } from './resolve-tenant';

/** Resource owner password credentials (ROPC): how tests and the dev host sign demo users in. */
export async function passwordGrant(context: GrantContext, request: TokenRequest): Promise<TokenResponse> {
  const { directory } = context;
  const { form } = request;
  const tenantName = request.tenant.kind === 'tenant' ? request.tenant.tenant.displayName : request.tenant.alias;
  const client = authenticateClient(directory, request, { confidentialFlow: false, tenantName });
  if (!form.username) throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'username'.");
  if (!form.password) throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'password'.");
  const scope = parseScopeRequest(directory, form.scope);

  const username = form.username.toLowerCase();
  const user = directory.users.find((candidate) => candidate.userPrincipalName.toLowerCase() === username);
  if (!user) {
    throw new EntraError(
      'invalid_grant',
      50034,
      `The user account {EmailHidden} does not exist in the ${tenantName} directory. To sign into this application, the account must be added to the directory.`,
    );
  }
  assertTenantMatches(request.tenant, user.tenantId, 'user account');
  if (user.password !== form.password) {
    throw new EntraError('invalid_grant', 50126, 'Error validating credentials due to invalid username or password.');
  }
  return issueDelegatedTokens(context, { user, client, request: scope, scopeParameter: form.scope ?? '', clientInfo: form.client_info === '1' });
}
