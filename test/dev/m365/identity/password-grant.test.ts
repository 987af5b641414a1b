import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';
import { accessTokenOf } from './support/request-token';
import { signInWithPassword } from './support/sign-in-with-password';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer();
});
afterAll(() => identity.close());

const lucia = 'lucia.martinez@contosoiberica.onmicrosoft.com';
const bridgeScope = `api://localhost:3000/${demoIds.bridgeClientId}/access_as_user`;

describe('the password grant', () => {
  it('issues an Entra v2.0 access token for the bridge API, with the client id as audience', async () => {
    const token = accessTokenOf(await signInWithPassword(identity, { username: lucia, clientSecret: demoIds.bridgeClientSecret }));

    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) });
    expect(decodeJwt(token)).toEqual({
      aud: demoIds.bridgeClientId,
      iss: `${identity.url}/${demoIds.contosoTenantId}/v2.0`,
      iat: expect.any(Number),
      nbf: expect.any(Number),
      exp: expect.any(Number),
      azp: demoIds.bridgeClientId,
      azpacr: '1',
      name: 'Lucía Martínez García',
      oid: demoIds.luciaObjectId,
      preferred_username: lucia,
      roles: ['Bridge.Admin'],
      scp: 'access_as_user',
      sub: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      tid: demoIds.contosoTenantId,
      uti: expect.any(String),
      ver: '2.0',
    });
  });

  it('marks a public client (no secret) with azpacr 0 and gives no roles to a user without any', async () => {
    const claims = decodeJwt(accessTokenOf(await signInWithPassword(identity, { username: 'inigo.urrutia@contosoiberica.onmicrosoft.com' })));

    expect(claims.azpacr).toBe('0');
    expect(claims.roles).toBeUndefined();
    expect(claims.name).toBe('Íñigo Urrutia Peña');
  });

  it('adds an ID token and a refresh token when openid and offline_access are asked for', async () => {
    const { status, body } = await signInWithPassword(identity, { username: lucia, scope: `${bridgeScope} openid profile offline_access` });

    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, refresh_token: expect.any(String) });
    expect(body.scope).toBe(`${bridgeScope} openid profile offline_access`);
    const idToken = decodeJwt(String(body.id_token));
    expect(idToken).toMatchObject({ aud: demoIds.bridgeClientId, oid: demoIds.luciaObjectId, tid: demoIds.contosoTenantId, ver: '2.0' });
    expect(idToken.scp).toBeUndefined();
  });

  it('refuses a wrong password with invalid_grant AADSTS50126', async () => {
    const { status, body } = await signInWithPassword(identity, { username: lucia, password: 'contraseña-equivocada' });

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [50126] });
  });

  it('refuses a user of another tenant than the one in the URL', async () => {
    const { status, body } = await signInWithPassword(identity, { tenant: demoIds.fabrikamTenantId, username: lucia });

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [50034] });
  });

  it('refuses a scope the API does not expose with invalid_scope AADSTS70011', async () => {
    const { status, body } = await signInWithPassword(identity, { username: lucia, scope: `api://localhost:3000/${demoIds.bridgeClientId}/do_anything` });

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_scope', error_codes: [70011] });
    expect(body.error_description).toMatch(/^AADSTS70011: /);
  });

  it('asks for consent (AADSTS65001, consent_required) before issuing Graph scopes nobody granted', async () => {
    const { status, body } = await signInWithPassword(identity, {
      tenant: demoIds.fabrikamTenantId,
      clientId: demoIds.fabrikamBridgeClientId,
      username: 'francois.lefevre@fabrikamfrance.onmicrosoft.com',
      scope: 'Contacts.ReadWrite',
    });

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' });
  });

  it('sees a consent pushed into the live directory on the next request', async () => {
    identity.directory.consents.push({
      tenantId: demoIds.fabrikamTenantId,
      clientId: demoIds.fabrikamBridgeClientId,
      resourceAppId: '00000003-0000-0000-c000-000000000000',
      scopes: ['Contacts.Read'],
      roles: [],
      userObjectId: demoIds.francoisObjectId,
    });

    const answer = await signInWithPassword(identity, {
      tenant: demoIds.fabrikamTenantId,
      clientId: demoIds.fabrikamBridgeClientId,
      username: 'francois.lefevre@fabrikamfrance.onmicrosoft.com',
      scope: 'Contacts.Read',
    });

    expect(decodeJwt(accessTokenOf(answer))).toMatchObject({ aud: '00000003-0000-0000-c000-000000000000', scp: 'Contacts.Read' });
  });
});
