import { createRemoteJWKSet, customFetch, jwtVerify, type FetchImplementation, type JWTVerifyGetKey } from 'jose';
import type { EnvironmentConfig } from '../config/config-schema';
import type { Principal } from '../http/principal';
import { accessTokenClaimsSchema } from './access-token-claims';
import { AuthError } from './auth-error';
import { explainVerificationFailure } from './explain-verification-failure';
import { inspectUnverifiedToken } from './inspect-unverified-token';
import { readBearerToken } from './read-bearer-token';

/** What the validator needs of an environment: its tenant, the bridge's app id, its admins. */
export type EnvironmentIdentity = Pick<EnvironmentConfig, 'environment' | 'tenantId' | 'applicationId' | 'admins'>;

export interface TokenValidatorOptions {
  /** `https://login.microsoftonline.com`, or the identity stand-in's URL. */
  authority: string;
  environments: readonly EnvironmentIdentity[];
  /** Allowed clock skew on `exp` and `nbf`: 5 minutes by default, as Microsoft's own libraries. */
  clockToleranceSeconds?: number;
  now?: () => Date;
  /** Fetches the JWKS; for an authority whose certificate the system does not trust (see `createTrustingFetch`). */
  fetch?: FetchImplementation;
}

export type TokenValidator = (authorization: string | undefined) => Promise<Principal>;

/** The delegated scope the add-in asks for (`api://<host>/<appId>/access_as_user`). */
const requiredScope = 'access_as_user';
const adminRole = 'Bridge.Admin';
/** Office's client for legacy SSO (`Office.auth.getAccessToken`), pre-authorized on the bridge's registration. */
export const officeLegacySsoClientId = 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e';

/**
 * Validates the add-in's bearer token for a delegated route and says who the user is. Tenants
 * and audiences are checked against the environments before any key is fetched, so a token
 * from an unknown tenant never makes the bridge call out.
 *
 * @example
 * const authenticate = createTokenValidator({ authority: config.identity.authority, environments: config.environments });
 * const principal = await authenticate(c.req.header('authorization')); // throws AuthError (401/403)
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const authority = options.authority.replace(/\/+$/, '');
  const clockTolerance = options.clockToleranceSeconds ?? 300;
  const now = options.now ?? (() => new Date());
  // One key set per tenant, as Entra publishes them per tenant; jose caches and refreshes the keys.
  const keySets = new Map<string, JWTVerifyGetKey>();
  const keySetOf = (tenantId: string) => {
    let keySet = keySets.get(tenantId);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(`${authority}/${tenantId}/discovery/v2.0/keys`), options.fetch ? { [customFetch]: options.fetch } : {});
      keySets.set(tenantId, keySet);
    }
    return keySet;
  };

  return async (authorization) => {
    const token = readBearerToken(authorization);
    const unverified = inspectUnverifiedToken(token);
    const tenantId = unverified.tenantId.toLowerCase();
    const environment = findEnvironment(options.environments, tenantId, unverified.audiences);

    const issuer = `${authority}/${tenantId}/v2.0`;
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keySetOf(tenantId), {
        algorithms: ['RS256'],
        issuer,
        audience: environment.applicationId.toLowerCase(),
        clockTolerance,
        currentDate: now(),
        requiredClaims: ['exp', 'nbf', 'iat', 'tid', 'oid'],
      }));
    } catch (error) {
      throw explainVerificationFailure(error, { issuer, tenantId });
    }

    const parsed = accessTokenClaimsSchema.safeParse(payload);
    if (!parsed.success) {
      throw new AuthError('invalid_token', `The token's claims are not those of an Entra ID v2.0 access token (${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}).`);
    }
    const claims = parsed.data;
    if (claims.idtyp === 'app' || (claims.scp === undefined && claims.roles !== undefined)) {
      throw new AuthError('forbidden', 'This route acts for a signed-in user; an app-only token (roles, no scp) cannot call it.');
    }
    const scopes = (claims.scp ?? '').split(' ').filter(Boolean);
    if (!scopes.includes(requiredScope)) {
      throw new AuthError('forbidden', `The token lacks the "${requiredScope}" scope: the add-in must ask for api://<host>/${environment.applicationId}/${requiredScope}.`);
    }
    // NAA and the dialog fallback get the token as the add-in itself; legacy SSO gets it through Office.
    const clientId = claims.azp?.toLowerCase();
    if (clientId !== environment.applicationId.toLowerCase() && clientId !== officeLegacySsoClientId) {
      throw new AuthError(
        'forbidden',
        `The token was issued to the client app ${claims.azp ?? '(none named)'}, which is neither this add-in (${environment.applicationId}) nor Office (${officeLegacySsoClientId}): another application's token for the bridge is not accepted.`,
      );
    }
    const email = claims.preferred_username ?? claims.upn;
    if (!email) throw new AuthError('invalid_token', 'The token names no user (no preferred_username or upn claim).');
    const roles = claims.roles ?? [];
    const objectId = claims.oid.toLowerCase();
    return {
      tenantId: claims.tid,
      objectId: claims.oid,
      email,
      name: claims.name ?? email,
      environment: environment.environment,
      scopes,
      roles,
      // Never by email: preferred_username is whatever the user's home directory says, even for a guest.
      isAdmin: roles.includes(adminRole) || environment.admins.some((admin) => admin.toLowerCase() === objectId),
      isGuest: claims.acct === 1 || claims.acct === '1' || (claims.idp !== undefined && !claims.idp.toLowerCase().includes(tenantId)),
    };
  };
}

/**
 * The environment a token is for, by tenant and audience; the first listed wins when two share
 * both. An unknown tenant is forbidden (signing in again will not help); a known tenant with
 * another audience means the client asked for the wrong resource.
 */
function findEnvironment(environments: readonly EnvironmentIdentity[], tenantId: string, audiences: string[]): EnvironmentIdentity {
  const inTenant = environments.filter((environment) => environment.tenantId.toLowerCase() === tenantId);
  if (inTenant.length === 0) {
    throw new AuthError('forbidden', `Tenant ${tenantId} is not served by this bridge: an administrator must add an environment for it.`);
  }
  const wanted = audiences.map((audience) => audience.toLowerCase());
  const environment = inTenant.find((candidate) => wanted.includes(candidate.applicationId.toLowerCase()));
  if (environment) return environment;
  // A v2 token carries the client id; the api:// URI as audience means the registration issues v1 tokens.
  const uriAudience = inTenant.find((candidate) => wanted.some((audience) => audience.startsWith('api://') && audience.endsWith(`/${candidate.applicationId.toLowerCase()}`)));
  if (uriAudience) {
    throw new AuthError(
      'invalid_token',
      'The token\'s audience is the Application ID URI, as in v1.0 tokens. Set "requestedAccessTokenVersion": 2 in the bridge app registration\'s manifest.',
    );
  }
  throw new AuthError('invalid_token', 'The token is for another application: its audience is not this bridge\'s application id. Ask for the bridge\'s access_as_user scope.');
}
