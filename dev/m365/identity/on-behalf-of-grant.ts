import { createLocalJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { authenticateClient } from './authenticate-client';
import { EntraError } from './entra-error';
import { issuerFor, type GrantContext, type TokenRequest, type TokenResponse } from './grant-context';
import { issueDelegatedTokens } from './issue-delegated-tokens';
import { parseScopeRequest } from './parse-scope-request';
import { assertTenantMatches } from './resolve-tenant';

/** Entra tolerates five minutes of clock skew on assertions. */
const assertionClockToleranceSeconds = 300;

/**
 * On-behalf-of (`urn:ietf:params:oauth:grant-type:jwt-bearer`): a middle tier trades the user's
 * token for its API (`aud` = the caller's client id) for a token to another resource, within
 * what the user or an admin consented to.
 */
export async function onBehalfOfGrant(context: GrantContext, request: TokenRequest): Promise<TokenResponse> {
  const { directory } = context;
  const { form } = request;
  const tenantName = request.tenant.kind === 'tenant' ? request.tenant.tenant.displayName : request.tenant.alias;
  const client = authenticateClient(directory, request, { confidentialFlow: true, tenantName, now: context.now });
  if (form.requested_token_use !== 'on_behalf_of') {
    throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'requested_token_use' with the value 'on_behalf_of'.");
  }
  if (!form.assertion) throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'assertion'.");
  const scope = parseScopeRequest(directory, form.scope);

  const assertion = await verifyAssertion(context, form.assertion);
  if (assertion.aud !== client.app.clientId) {
    throw new EntraError(
      'invalid_grant',
      50013,
      `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${String(assertion.aud)}' and the expected audience is '${client.app.clientId}'.`,
    );
  }
  if (typeof assertion.tid !== 'string' || typeof assertion.oid !== 'string' || typeof assertion.scp !== 'string') {
    throw new EntraError('invalid_grant', 50013, 'Assertion is not a user token: on-behalf-of needs a delegated token with tid, oid and scp.');
  }
  const { tid, oid } = assertion;
  if (assertion.iss !== issuerFor(context.baseUrl, tid)) {
    throw new EntraError('invalid_grant', 50013, `Assertion issuer '${String(assertion.iss)}' is not the issuer of tenant '${tid}'.`);
  }
  assertTenantMatches(request.tenant, tid, 'user account');
  const user = directory.users.find((candidate) => candidate.tenantId === tid && candidate.objectId === oid);
  if (!user) throw new EntraError('invalid_grant', 50034, `The user account {EmailHidden} does not exist in the ${tenantName} directory.`);

  return issueDelegatedTokens(context, { user, client, request: scope, scopeParameter: form.scope ?? '', clientInfo: form.client_info === '1' });
}

/** Only this server's own unexpired, correctly signed tokens are accepted as assertions. */
async function verifyAssertion(context: GrantContext, assertion: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(assertion, createLocalJWKSet(context.signer.jwks()), {
      algorithms: ['RS256'],
      currentDate: context.now,
      clockTolerance: assertionClockToleranceSeconds,
      requiredClaims: ['exp', 'iss', 'aud'],
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired || (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')) {
      throw new EntraError(
        'invalid_grant',
        500133,
        'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
      );
    }
    if (error instanceof errors.JOSEError) {
      throw new EntraError('invalid_grant', 50013, `Assertion failed signature validation. [Reason - ${error.code}]`);
    }
    throw error;
  }
}
