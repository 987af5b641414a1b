import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer();
});
afterAll(() => identity.close());

const getJson = async (path: string) => {
  const response = await fetch(`${identity.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('the OpenID configuration', () => {
  it('names the tenant in the issuer and every endpoint, as Entra does for a tenant id', async () => {
    const { status, body } = await getJson(`/${demoIds.contosoTenantId}/v2.0/.well-known/openid-configuration`);

    expect(status).toBe(200);
    expect(body.issuer).toBe(`${identity.url}/${demoIds.contosoTenantId}/v2.0`);
    expect(body.token_endpoint).toBe(`${identity.url}/${demoIds.contosoTenantId}/oauth2/v2.0/token`);
    expect(body.jwks_uri).toBe(`${identity.url}/${demoIds.contosoTenantId}/discovery/v2.0/keys`);
    expect(body.id_token_signing_alg_values_supported).toEqual(['RS256']);
  });

  it('resolves a verified domain to the tenant id', async () => {
    const { body } = await getJson('/fabrikamfrance.onmicrosoft.com/v2.0/.well-known/openid-configuration');

    expect(body.issuer).toBe(`${identity.url}/${demoIds.fabrikamTenantId}/v2.0`);
  });

  it.each(['common', 'organizations'])('publishes the literal {tenantid} issuer template for %s', async (alias) => {
    const { body } = await getJson(`/${alias}/v2.0/.well-known/openid-configuration`);

    expect(body.issuer).toBe(`${identity.url}/{tenantid}/v2.0`);
    expect(body.token_endpoint).toBe(`${identity.url}/${alias}/oauth2/v2.0/token`);
  });

  it('answers an unknown tenant with AADSTS90002', async () => {
    const { status, body } = await getJson('/00000000-0000-0000-0000-00000000dead/v2.0/.well-known/openid-configuration');

    expect(status).toBe(400);
    expect(body.error).toBe('invalid_tenant');
    expect(body.error_codes).toEqual([90002]);
  });
});

describe('the signing keys', () => {
  it('publishes two RS256 public keys, as Entra publishes several, each with a kid and no private part', async () => {
    const { status, body } = await getJson(`/${demoIds.contosoTenantId}/discovery/v2.0/keys`);
    const publicKey = expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
    const noPrivatePart = expect.not.objectContaining({ d: expect.anything() });

    expect(status).toBe(200);
    expect(body.keys).toEqual([publicKey, publicKey]);
    expect(body.keys).toEqual([noPrivatePart, noPrivatePart]);
  });
});

describe('cloud instance discovery', () => {
  it('tells MSAL that this server is its own cloud', async () => {
    const { status, body } = await getJson(`/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${identity.url}/${demoIds.contosoTenantId}/oauth2/v2.0/authorize`)}`);
    const host = new URL(identity.url).host;

    expect(status).toBe(200);
    expect(body.tenant_discovery_endpoint).toBe(`${identity.url}/${demoIds.contosoTenantId}/v2.0/.well-known/openid-configuration`);
    expect(body.metadata).toEqual([expect.objectContaining({ preferred_network: host, aliases: expect.arrayContaining([host]) })]);
  });
});
