import { createHash } from 'node:crypto';
import { authenticateClient, type AuthenticatedClient } from './authenticate-client';
import type { AuthorizationCodeStore } from './authorization-code-store';
import { EntraError } from './entra-error';
import type { GrantContext, TokenRequest, TokenResponse } from './grant-context';
import { issueDelegatedTokens } from './issue-delegated-tokens';
import { parseScopeRequest } from './parse-scope-request';

/**
 * `authorization_code`: redeems a code from the authorize page, once, by the client it was issued
 * to, with the same redirect URI and, when the request sent a PKCE challenge, its verifier.
 */
export function authorizationCodeGrant(codes: AuthorizationCodeStore) {
  return async (context: GrantContext, request: TokenRequest): Promise<TokenResponse> => {
    const { form } = request;
    const tenantName = request.tenant.kind === 'tenant' ? request.tenant.tenant.displayName : request.tenant.alias;
    if (!form.code) throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'code'.");
    const issued = codes.take(form.code);
    if (!issued) throw new EntraError('invalid_grant', 70008, 'The provided authorization code has expired, was already redeemed, or does not exist.');
    // A single-page app proves itself with PKCE and sends no secret; other clients send their secret.
    const withoutSecret = issued.codeChallenge !== undefined && !form.client_secret && !request.authorization;
    const client: AuthenticatedClient = withoutSecret ? singlePageClient(context, form.client_id ?? '') : authenticateClient(context.directory, request, { confidentialFlow: true, tenantName });
    if (issued.clientId !== client.app.clientId || issued.expiresAt <= context.now) {
      throw new EntraError('invalid_grant', 70008, 'The provided authorization code has expired or was issued to another client.');
    }
    if (form.redirect_uri !== issued.redirectUri) {
      throw new EntraError('invalid_grant', 70000, 'The redirect URI does not match the one the authorization code was issued for.');
    }
    if (issued.codeChallenge !== undefined) {
      const answer = createHash('sha256').update(form.code_verifier ?? '').digest('base64url');
      if (answer !== issued.codeChallenge) throw new EntraError('invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
    }
    const user = context.directory.users.find((candidate) => candidate.objectId === issued.userObjectId);
    if (!user) throw new EntraError('invalid_grant', 50034, 'The user account does not exist in the directory.');
    const scope = parseScopeRequest(context.directory, issued.scope);
    return issueDelegatedTokens(context, { user, client, request: scope, scopeParameter: issued.scope, clientInfo: form.client_info === '1' });
  };
}

function singlePageClient(context: GrantContext, clientId: string): AuthenticatedClient {
  const app = context.directory.applications.find((candidate) => candidate.clientId.toLowerCase() === clientId.toLowerCase());
  if (!app) throw new EntraError('unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory.`);
  return { app, authenticationMethod: '0' };
}
