import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';
import { accessTokenOf, requestToken } from './support/request-token';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer();
});
afterAll(() => identity.close());

const fabrikam = demoIds.fabrikamTenantId;
const appOnly = (form: Record<string, string> = {}, tenant: string = fabrikam) =>
  requestToken(identity, tenant, {
    grant_type: 'client_credentials',
    client_id: demoIds.fabrikamBridgeClientId,
    client_secret: demoIds.fabrikamBridgeClientSecret,
    scope: 'https://graph.microsoft.com/.default',
    ...form,
  });

describe('the client credentials grant', () => {
  it('issues an app-only Graph token with the admin-consented roles and no scp', async () => {
    const token = accessTokenOf(await appOnly());
    const claims = decodeJwt(token);

    expect(claims).toMatchObject({
      ver: '2.0',
      iss: `${identity.url}/${fabrikam}/v2.0`,
      aud: 'https://graph.microsoft.com',
      tid: fabrikam,
      azp: demoIds.fabrikamBridgeClientId,
      azpacr: '1',
      idtyp: 'app',
      roles: ['Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite.All'],
    });
    expect(claims.scp).toBeUndefined();
    expect(claims.oid).toBe(claims.sub);
  });

  it('signs with the key it publishes, RS256, with kid and typ JWT', async () => {
    const token = accessTokenOf(await appOnly());
    const keys = (await (await fetch(`${identity.url}/${fabrikam}/discovery/v2.0/keys`)).json()) as JSONWebKeySet;

    const { protectedHeader } = await jwtVerify(token, createLocalJWKSet(keys), { issuer: `${identity.url}/${fabrikam}/v2.0` });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: keys.keys[0]?.kid });
  });

  it('gives the same service principal id to every token of one app in one tenant', async () => {
    const first = decodeJwt(accessTokenOf(await appOnly()));
    const second = decodeJwt(accessTokenOf(await appOnly()));

    expect(first.oid).toBe(second.oid);
    expect(first.uti).not.toBe(second.uti);
  });

  it('uses the Graph app id as audience when the scope names Graph by its id', async () => {
    const claims = decodeJwt(accessTokenOf(await appOnly({ scope: '00000003-0000-0000-c000-000000000000/.default' })));

    expect(claims.aud).toBe('00000003-0000-0000-c000-000000000000');
  });

  it('issues a token without roles when nothing was consented for the resource', async () => {
    const claims = decodeJwt(accessTokenOf(await appOnly({ scope: `api://localhost:3000/${demoIds.fabrikamBridgeClientId}/.default` })));

    expect(claims.aud).toBe(demoIds.fabrikamBridgeClientId);
    expect(claims.roles).toBeUndefined();
  });

  it('refuses a wrong secret with 401 invalid_client AADSTS7000215 in Entra’s error shape', async () => {
    const { status, body } = await appOnly({ client_secret: 'not-the-secret' });

    expect(status).toBe(401);
    expect(body).toMatchObject({
      error: 'invalid_client',
      error_codes: [7000215],
      trace_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      correlation_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/),
    });
    expect(body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided\..*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: /s);
  });

  it('refuses a request without a secret: client credentials is a confidential flow', async () => {
    const { status, body } = await requestToken(identity, fabrikam, {
      grant_type: 'client_credentials',
      client_id: demoIds.fabrikamBridgeClientId,
      scope: 'https://graph.microsoft.com/.default',
    });

    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000218] });
  });

  it('accepts the client id and secret as HTTP Basic', async () => {
    const response = await fetch(`${identity.url}/${fabrikam}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${demoIds.fabrikamBridgeClientId}:${demoIds.fabrikamBridgeClientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }),
    });

    expect(response.status).toBe(200);
  });

  it('refuses a scope without /.default with invalid_scope', async () => {
    const { status, body } = await appOnly({ scope: 'https://graph.microsoft.com/Contacts.ReadWrite' });

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
  });

  it('refuses an unknown resource with invalid_resource AADSTS500011', async () => {
    const { status, body } = await appOnly({ scope: 'api://nowhere.example/.default' });

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
  });

  it('needs a tenant: /common cannot say whose app-only token to issue', async () => {
    const { status, body } = await appOnly({}, 'common');

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_request', error_codes: [50059] });
  });

  it('refuses an app that is neither registered nor consented in the tenant', async () => {
    const { status, body } = await appOnly({ client_id: demoIds.bridgeClientId, client_secret: demoIds.bridgeClientSecret });

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });

  it('answers an unknown tenant with invalid_request AADSTS90002', async () => {
    const { status, body } = await appOnly({}, '11111111-2222-3333-4444-555555555555');

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
  });

  it('answers an unknown grant type with unsupported_grant_type', async () => {
    const { status, body } = await appOnly({ grant_type: 'urn:example:magic' });

    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
  });
});
