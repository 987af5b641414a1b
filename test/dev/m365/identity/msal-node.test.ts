import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrustingNetworkClient } from '../../../../server/auth/create-trusting-network-client';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../../dev/m365/identity/start-identity-server';

let identity: IdentityServer;
beforeAll(async () => {
  identity = await startIdentityServer({ https: true });
});
afterAll(() => identity.close());

/** MSAL as the bridge would configure it for one environment, trusting the stand-in's certificate. */
const msalFor = (tenantId: string, clientId: string, clientSecret: string) => {
  const { authority, knownAuthorities, authorityMetadata, cloudDiscoveryMetadata } = identity.msalAuthorityOptions(tenantId);
  const configuration: Configuration = {
    auth: { clientId, clientSecret, authority, knownAuthorities, authorityMetadata, cloudDiscoveryMetadata },
    system: { networkClient: createTrustingNetworkClient(identity.certificate ?? '') },
  };
  return new ConfidentialClientApplication(configuration);
};

describe('@azure/msal-node against the HTTPS identity server', () => {
  it('serves HTTPS with a certificate callers can trust explicitly', () => {
    expect(identity.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(identity.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('gets an app-only Graph token with client credentials', async () => {
    const msal = msalFor(demoIds.fabrikamTenantId, demoIds.fabrikamBridgeClientId, demoIds.fabrikamBridgeClientSecret);

    const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });

    expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: demoIds.fabrikamTenantId,
      idtyp: 'app',
      roles: ['Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite.All'],
    });
  });

  it('gets a Graph token on behalf of a user whose bridge token it holds', async () => {
    const msal = msalFor(demoIds.contosoTenantId, demoIds.bridgeClientId, demoIds.bridgeClientSecret);
    const signIn = await msal.acquireTokenByUsernamePassword({
      username: 'lucia.martinez@contosoiberica.onmicrosoft.com',
      password: demoIds.password,
      scopes: [`api://localhost:3000/${demoIds.bridgeClientId}/access_as_user`],
    });

    const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: signIn?.accessToken ?? '', scopes: ['https://graph.microsoft.com/.default'] });

    expect(result?.account?.homeAccountId).toBe(`${demoIds.luciaObjectId}.${demoIds.contosoTenantId}`);
    expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({ aud: 'https://graph.microsoft.com', oid: demoIds.luciaObjectId, scp: expect.stringContaining('Contacts.ReadWrite') });
  });

  it('surfaces Entra’s consent_required answer as an MSAL error', async () => {
    const msal = msalFor(demoIds.fabrikamTenantId, demoIds.fabrikamBridgeClientId, demoIds.fabrikamBridgeClientSecret);
    const signIn = await msal.acquireTokenByUsernamePassword({
      username: 'francois.lefevre@fabrikamfrance.onmicrosoft.com',
      password: demoIds.password,
      scopes: [`api://localhost:3000/${demoIds.fabrikamBridgeClientId}/access_as_user`],
    });

    await expect(msal.acquireTokenOnBehalfOf({ oboAssertion: signIn?.accessToken ?? '', scopes: ['https://graph.microsoft.com/.default'] })).rejects.toMatchObject({
      errorCode: 'invalid_grant',
      subError: 'consent_required',
    });
  });
});

describe('@azure/msal-node with its own network client', () => {
  // NODE_EXTRA_CA_CERTS is read once at start, so this runs in a child process, as the bridge would.
  const script = `
    import { ConfidentialClientApplication } from '@azure/msal-node';
    const msal = new ConfidentialClientApplication({ auth: JSON.parse(process.env.MSAL_AUTH) });
    const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    process.stdout.write(result.accessToken);
  `;

  it('trusts the stand-in through NODE_EXTRA_CA_CERTS', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'identity-ca-'));
    try {
      const certificateFile = join(folder, 'identity.pem');
      await writeFile(certificateFile, identity.certificate ?? '');
      const auth = { clientId: demoIds.fabrikamBridgeClientId, clientSecret: demoIds.fabrikamBridgeClientSecret, ...identity.msalAuthorityOptions(demoIds.fabrikamTenantId) };

      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: certificateFile, MSAL_AUTH: JSON.stringify(auth) },
        timeout: 20_000,
      });

      expect(decodeJwt(stdout)).toMatchObject({ aud: 'https://graph.microsoft.com', tid: demoIds.fabrikamTenantId, idtyp: 'app' });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
