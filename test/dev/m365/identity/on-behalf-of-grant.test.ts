import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';
import { accessTokenOf, requestToken } from './support/request-token';
import { bridgeTokenFor } from './support/sign-in-with-password';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer();
});
afterAll(() => identity.close());

const contoso = demoIds.contosoTenantId;
const fabrikam = demoIds.fabrikamTenantId;
const luciaToken = () => bridgeTokenFor(identity, { username: 'lucia.martinez@contosoiberica.onmicrosoft.com' });
const onBehalfOf = (assertion: string, form: Record<string, string> = {}, tenant: string = contoso) =>
  requestToken(identity, tenant, {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    requested_token_use: 'on_behalf_of',
    client_id: demoIds.bridgeClientId,
    client_secret: demoIds.bridgeClientSecret,
    assertion,
    scope: 'https://graph.microsoft.com/.default offline_access',
    ...form,
  });

describe('the on-behalf-of grant', () => {
  it('trades the user’s bridge token for a Graph token with the consented scopes', async () => {
    const answer = await onBehalfOf(await luciaToken());

    expect(decodeJwt(accessTokenOf(answer))).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `${identity.url}/${contoso}/v2.0`,
      tid: contoso,
      oid: demoIds.luciaObjectId,
      azp: demoIds.bridgeClientId,
      azpacr: '1',
      scp: 'User.Read Contacts.ReadWrite Calendars.ReadWrite Tasks.ReadWrite Mail.Read',
      ver: '2.0',
    });
    expect(answer.body.refresh_token).toEqual(expect.any(String));
  });

  it('issues exactly the named scopes when they are consented', async () => {
    const answer = await onBehalfOf(await luciaToken(), { scope: 'Contacts.ReadWrite Calendars.ReadWrite' });
    const claims = decodeJwt(accessTokenOf(answer));

    expect(claims).toMatchObject({ aud: '00000003-0000-0000-c000-000000000000', scp: 'Contacts.ReadWrite Calendars.ReadWrite' });
    expect(answer.body.refresh_token).toBeUndefined();
  });

  it('lets the refresh token of an on-behalf-of answer get Graph tokens later, with Outlook closed', async () => {
    const refreshToken = String((await onBehalfOf(await luciaToken())).body.refresh_token);

    const refreshed = await requestToken(identity, contoso, {
      grant_type: 'refresh_token',
      client_id: demoIds.bridgeClientId,
      client_secret: demoIds.bridgeClientSecret,
      refresh_token: refreshToken,
    });

    expect(decodeJwt(accessTokenOf(refreshed))).toMatchObject({ aud: 'https://graph.microsoft.com', oid: demoIds.luciaObjectId });
  });

  it('answers consent_required (AADSTS65001) for a user who never consented to Graph', async () => {
    const francois = await bridgeTokenFor(identity, {
      tenant: fabrikam,
      clientId: demoIds.fabrikamBridgeClientId,
      username: 'francois.lefevre@fabrikamfrance.onmicrosoft.com',
    });

    const { status, body } = await onBehalfOf(
      francois,
      { client_id: demoIds.fabrikamBridgeClientId, client_secret: demoIds.fabrikamBridgeClientSecret, scope: 'https://graph.microsoft.com/.default' },
      fabrikam,
    );

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' });
    expect(body.error_description).toMatch(/^AADSTS65001: The user or administrator has not consented/);
  });

  it('refuses an assertion whose audience is another app', async () => {
    const amelie = await bridgeTokenFor(identity, {
      tenant: fabrikam,
      clientId: demoIds.fabrikamBridgeClientId,
      username: 'amelie.dubois@fabrikamfrance.onmicrosoft.com',
    });

    const { status, body } = await onBehalfOf(amelie, {}, 'organizations');

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    expect(body.error_description).toMatch(/^AADSTS50013: Assertion audience does not match/);
  });

  it('refuses an expired assertion with AADSTS500133', async () => {
    const claims = decodeJwt(await luciaToken());
    const expired = await identity.signAccessToken({ ...claims, iat: 1_700_000_000, nbf: 1_700_000_000, exp: 1_700_003_600 });

    const { status, body } = await onBehalfOf(expired);

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [500133] });
  });

  it('refuses an assertion this server did not sign', async () => {
    const [header, payload] = (await luciaToken()).split('.');
    const forged = `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`;

    const { status, body } = await onBehalfOf(forged);

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    expect(body.error_description).toMatch(/^AADSTS50013: Assertion failed signature validation/);
  });

  it('checks the middle tier’s secret', async () => {
    const { status, body } = await onBehalfOf(await luciaToken(), { client_secret: 'wrong' });

    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });

  it('refuses scopes of two resources in one request (AADSTS28000)', async () => {
    const { status, body } = await onBehalfOf(await luciaToken(), { scope: `User.Read api://localhost:3000/${demoIds.bridgeClientId}/access_as_user` });

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_scope', error_codes: [28000] });
  });
});
