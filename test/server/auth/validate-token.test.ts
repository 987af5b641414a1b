import { decodeJwt, exportSPKI, importJWK, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../dev/m365/identity/start-identity-server';
import { AuthError, type AuthErrorCode } from '../../../server/auth/auth-error';
import { createTokenValidator, officeLegacySsoClientId, type EnvironmentIdentity, type TokenValidator } from '../../../server/auth/create-token-validator';
import { accessTokenOf, requestToken } from '../../dev/m365/identity/support/request-token';
import { bridgeTokenFor } from '../../dev/m365/identity/support/sign-in-with-password';
import { authTestDirectory, testIds } from './support/auth-test-directory';

const environments: EnvironmentIdentity[] = [
  { environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, admins: [] },
  { environment: 'fabrikam', tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, admins: [demoIds.francoisObjectId.toUpperCase()] },
];

let identity: IdentityServer;
let validate: TokenValidator;
/** A valid token of Íñigo (Contoso, no admin) and its claims, to derive odd tokens from. */
let inigoToken: string;
let inigoClaims: JWTPayload;

beforeAll(async () => {
  identity = await startIdentityServer({ directory: authTestDirectory });
  validate = createTokenValidator({ authority: identity.url, environments });
  inigoToken = await bridgeTokenFor(identity, { username: 'inigo.urrutia@contosoiberica.onmicrosoft.com' });
  inigoClaims = decodeJwt(inigoToken);
});
afterAll(() => identity.close());

const nowInSeconds = () => Math.floor(Date.now() / 1000);
const bearer = (token: string) => `Bearer ${token}`;
const signedVariant = (changes: JWTPayload, options?: { kid?: string | null }) => identity.signAccessToken({ ...inigoClaims, ...changes }, options);
const withoutClaim = (name: string) => Object.fromEntries(Object.entries(inigoClaims).filter(([claim]) => claim !== name));

/** Runs the validator expecting a refusal, and checks the message never repeats the token. */
async function expectRefusal(authorization: string | undefined, code: AuthErrorCode, status: 401 | 403): Promise<AuthError> {
  const outcome = await validate(authorization).then(
    () => new Error('the token was accepted'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof AuthError)) throw outcome;
  expect({ code: outcome.code, status: outcome.status }).toEqual({ code, status });
  const token = authorization?.replace(/^Bearer /, '') ?? '';
  if (token.length > 20) expect(outcome.message).not.toContain(token);
  return outcome;
}

describe('a valid token', () => {
  it('passes and names the user by tenant and object id', async () => {
    const principal = await validate(bearer(inigoToken));

    expect(principal).toEqual({
      tenantId: demoIds.contosoTenantId,
      objectId: demoIds.inigoObjectId,
      email: 'inigo.urrutia@contosoiberica.onmicrosoft.com',
      name: 'Íñigo Urrutia Peña',
      environment: 'contoso',
      scopes: ['access_as_user'],
      roles: [],
      isAdmin: false,
      isGuest: false,
    });
  });

  it('passes with nbf 4 minutes ahead: the clock skew tolerance is 5 minutes, as Microsoft’s libraries', async () => {
    const early = await signedVariant({ nbf: nowInSeconds() + 240 });

    await expect(validate(bearer(early))).resolves.toMatchObject({ objectId: demoIds.inigoObjectId });
  });

  it('passes when Office obtained it for the add-in (legacy SSO client id)', async () => {
    const throughOffice = await signedVariant({ azp: officeLegacySsoClientId });

    await expect(validate(bearer(throughOffice))).resolves.toMatchObject({ objectId: demoIds.inigoObjectId });
  });

  it('passes within the clock tolerance just after expiry', async () => {
    const justExpired = await signedVariant({ exp: nowInSeconds() - 30 });

    await expect(validate(bearer(justExpired))).resolves.toMatchObject({ objectId: demoIds.inigoObjectId });
  });

  it('finds the environment by tenant and audience', async () => {
    const amelie = await bridgeTokenFor(identity, {
      tenant: demoIds.fabrikamTenantId,
      clientId: demoIds.fabrikamBridgeClientId,
      username: 'amelie.dubois@fabrikamfrance.onmicrosoft.com',
    });

    await expect(validate(bearer(amelie))).resolves.toMatchObject({ environment: 'fabrikam', tenantId: demoIds.fabrikamTenantId });
  });
});

describe('admin detection', () => {
  it('makes a holder of the Bridge.Admin app role an admin', async () => {
    const lucia = await bridgeTokenFor(identity, { username: 'lucia.martinez@contosoiberica.onmicrosoft.com' });

    await expect(validate(bearer(lucia))).resolves.toMatchObject({ roles: ['Bridge.Admin'], isAdmin: true });
  });

  it('makes a user listed by object id in the environment’s admins an admin, whatever the case of the id', async () => {
    const francois = await bridgeTokenFor(identity, {
      tenant: demoIds.fabrikamTenantId,
      clientId: demoIds.fabrikamBridgeClientId,
      username: 'francois.lefevre@fabrikamfrance.onmicrosoft.com',
    });

    await expect(validate(bearer(francois))).resolves.toMatchObject({ roles: [], isAdmin: true });
  });

  it('does not make anyone else an admin', async () => {
    await expect(validate(bearer(inigoToken))).resolves.toMatchObject({ isAdmin: false });
  });

  it('never makes an admin of a guest whose email is an admin’s, and says it is a guest', async () => {
    const guest = await signedVariant({
      oid: '6f5e4d3c-7777-4b2a-9c8d-7e6f5a4b3c2d',
      preferred_username: 'lucia.martinez@contosoiberica.onmicrosoft.com',
      idp: `https://sts.windows.net/${testIds.andinaTenantId}/`,
      acct: 1,
    });

    await expect(validate(bearer(guest))).resolves.toMatchObject({ email: 'lucia.martinez@contosoiberica.onmicrosoft.com', isAdmin: false, isGuest: true });
  });

  it('knows a guest by acct alone, and a member whose idp is their own tenant', async () => {
    await expect(validate(bearer(await signedVariant({ acct: 1 })))).resolves.toMatchObject({ isGuest: true });
    await expect(validate(bearer(await signedVariant({ acct: 0, idp: `https://sts.windows.net/${demoIds.contosoTenantId}/` })))).resolves.toMatchObject({ isGuest: false });
  });
});

describe('the Authorization header', () => {
  it('asks to sign in when it is missing', async () => {
    await expectRefusal(undefined, 'auth_required', 401);
  });

  it.each(['', 'Basic dXNlcjpwYXNz', 'Bearer', `Token ${'x'.repeat(30)}`])('asks to sign in when it is malformed: "%s"', async (header) => {
    await expectRefusal(header, 'auth_required', 401);
  });

  it('refuses a bearer value that is not a JWT', async () => {
    await expectRefusal('Bearer not-a-jwt-at-all', 'invalid_token', 401);
  });
});

describe('an invalid token', () => {
  it('is refused when expired beyond the tolerance', async () => {
    const expired = await signedVariant({ iat: nowInSeconds() - 7200, nbf: nowInSeconds() - 7200, exp: nowInSeconds() - 3600 });

    const refusal = await expectRefusal(bearer(expired), 'invalid_token', 401);
    expect(refusal.message).toMatch(/expired/);
  });

  it('is refused when not yet valid', async () => {
    const early = await signedVariant({ nbf: nowInSeconds() + 600 });

    const refusal = await expectRefusal(bearer(early), 'invalid_token', 401);
    expect(refusal.message).toMatch(/not valid yet/);
  });

  it('is refused when its audience is not the environment’s application id', async () => {
    const wrongAudience = await signedVariant({ aud: '99999999-8888-4777-8666-555555555555' });

    await expectRefusal(bearer(wrongAudience), 'invalid_token', 401);
  });

  it('is refused when it was issued to another app of the same tenant', async () => {
    const forReports = await bridgeTokenFor(identity, {
      clientId: testIds.reportsClientId,
      username: 'inigo.urrutia@contosoiberica.onmicrosoft.com',
      scope: `api://localhost:4000/${testIds.reportsClientId}/access_as_user`,
    });
    expect(decodeJwt(forReports).aud).toBe(testIds.reportsClientId);

    const refusal = await expectRefusal(bearer(forReports), 'invalid_token', 401);
    expect(refusal.message).toMatch(/another application/);
  });

  it('is refused when its issuer is not the authority’s issuer for the tenant', async () => {
    const otherIssuer = await signedVariant({ iss: `https://login.microsoftonline.com/${demoIds.contosoTenantId}/v2.0` });

    const refusal = await expectRefusal(bearer(otherIssuer), 'invalid_token', 401);
    expect(refusal.message).toMatch(/issuer/);
  });

  it('is refused without a tenant claim', async () => {
    const noTenant = await identity.signAccessToken(withoutClaim('tid'));

    await expectRefusal(bearer(noTenant), 'invalid_token', 401);
  });

  it('is refused unsigned (alg: none)', async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(inigoClaims)}.`;

    const refusal = await expectRefusal(bearer(unsigned), 'invalid_token', 401);
    expect(refusal.message).toMatch(/RS256/);
  });

  it('is refused when HS256-signed with the RSA public key as the HMAC secret', async () => {
    const keys = (await (await fetch(`${identity.url}/${demoIds.contosoTenantId}/discovery/v2.0/keys`)).json()) as JSONWebKeySet;
    const publicKey = await importJWK(keys.keys[0] ?? {}, 'RS256');
    if (publicKey instanceof Uint8Array) throw new Error('expected an RSA public key');
    const publicKeyPem = await exportSPKI(publicKey);
    const confused = await new SignJWT(inigoClaims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(publicKeyPem));

    await expectRefusal(bearer(confused), 'invalid_token', 401);
  });

  it('is refused when signed with a key id the tenant does not publish', async () => {
    const unknownKid = await signedVariant({}, { kid: 'rotated-away-long-ago' });

    const refusal = await expectRefusal(bearer(unknownKid), 'invalid_token', 401);
    expect(refusal.message).toMatch(/key/);
  });

  it('is refused with 401, not a key outage, when its header names no key and the tenant publishes several', async () => {
    const keys = (await (await fetch(`${identity.url}/${demoIds.contosoTenantId}/discovery/v2.0/keys`)).json()) as JSONWebKeySet;
    expect(keys.keys.length).toBeGreaterThan(1);
    const noKid = await signedVariant({}, { kid: null });

    const refusal = await expectRefusal(bearer(noKid), 'invalid_token', 401);
    expect(refusal.message).toMatch(/kid/);
  });

  it('is refused when the payload was changed after signing', async () => {
    const [header, , signature] = inigoToken.split('.');
    const promoted = Buffer.from(JSON.stringify({ ...inigoClaims, roles: ['Bridge.Admin'] })).toString('base64url');

    const refusal = await expectRefusal(bearer(`${header}.${promoted}.${signature}`), 'invalid_token', 401);
    expect(refusal.message).toMatch(/signature/);
  });

  it('is refused when it is a v1.0 token, with the fix for the app registration', async () => {
    const versionOne = await signedVariant({
      ver: '1.0',
      iss: `https://sts.windows.net/${demoIds.contosoTenantId}/`,
      aud: `api://localhost:3000/${demoIds.bridgeClientId}`,
    });

    const refusal = await expectRefusal(bearer(versionOne), 'invalid_token', 401);
    expect(refusal.message).toMatch(/requestedAccessTokenVersion": 2/);
  });

  it('is refused when a v2 token names the Application ID URI as audience, with the same fix', async () => {
    const uriAudience = await signedVariant({ aud: `api://localhost:3000/${demoIds.bridgeClientId}` });

    const refusal = await expectRefusal(bearer(uriAudience), 'invalid_token', 401);
    expect(refusal.message).toMatch(/requestedAccessTokenVersion/);
  });
});

describe('a valid token that does not allow the request', () => {
  it('is forbidden for a tenant no environment serves, without fetching its keys', async () => {
    const sofia = await bridgeTokenFor(identity, { tenant: testIds.andinaTenantId, username: 'sofia.quispe@companiaandina.onmicrosoft.com' });
    // Nothing listens there: a key fetch would fail with a network error, not an AuthError.
    const offline = createTokenValidator({ authority: 'http://127.0.0.1:9', environments });

    const refusal = await offline(bearer(sofia)).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(AuthError);
    expect(refusal).toMatchObject({ code: 'forbidden', status: 403 });
    await expectRefusal(bearer(sofia), 'forbidden', 403);
  });

  it('is forbidden when another client app obtained it for the bridge (unknown azp), naming the app', async () => {
    const otherClient = await signedVariant({ azp: testIds.reportsClientId });

    const refusal = await expectRefusal(bearer(otherClient), 'forbidden', 403);
    expect(refusal.message).toContain(testIds.reportsClientId);
    expect(refusal.message).toContain(officeLegacySsoClientId);
  });

  it('is forbidden without the access_as_user scope', async () => {
    const otherScope = await signedVariant({ scp: 'User.Read' });

    const refusal = await expectRefusal(bearer(otherScope), 'forbidden', 403);
    expect(refusal.message).toMatch(/access_as_user/);
  });

  it('is forbidden when it is an app-only token from client credentials', async () => {
    const appOnly = accessTokenOf(
      await requestToken(identity, demoIds.contosoTenantId, {
        grant_type: 'client_credentials',
        client_id: demoIds.bridgeClientId,
        client_secret: demoIds.bridgeClientSecret,
        scope: `api://localhost:3000/${demoIds.bridgeClientId}/.default`,
      }),
    );
    expect(decodeJwt(appOnly)).toMatchObject({ roles: ['Bridge.Admin'], idtyp: 'app' });

    const refusal = await expectRefusal(bearer(appOnly), 'forbidden', 403);
    expect(refusal.message).toMatch(/app-only/);
  });

  it('is forbidden when it carries roles and no scp, even without idtyp', async () => {
    const rolesOnly = await identity.signAccessToken({ ...withoutClaim('scp'), roles: ['Bridge.Admin'] });

    await expectRefusal(bearer(rolesOnly), 'forbidden', 403);
  });
});
