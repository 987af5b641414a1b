import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../dev/m365/identity/start-identity-server';
import { createMsalClient } from '../../../server/auth/create-msal-client';
import { createTrustingNetworkClient } from '../../../server/auth/create-trusting-network-client';
import { createAppOnlyTokenSource, createDelegatedTokens } from '../../../server/auth/graph-token-sources';
import { openStore } from '../../../server/store/open-store';
import type { Store } from '../../../server/store/store';
import { SyncError } from '../../../src/sync/sync-error';

let identity: IdentityServer;
let store: Store;
beforeAll(async () => {
  identity = await startIdentityServer({ https: true });
  store = await openStore('sqlite::memory:', { encryptionKey: Buffer.alloc(32, 7).toString('base64') });
});
afterAll(async () => {
  await store.close();
  await identity.close();
});

const msalFor = (tenantId: string, clientId: string, clientSecret: string) => () =>
  createMsalClient({ authority: identity.url, tenantId, clientId, clientSecret, networkClient: createTrustingNetworkClient(identity.certificate ?? '') });

/** The add-in's token for the bridge, got here by password sign-in (the demo apps allow it). */
async function bridgeToken(username: string, clientId: string = demoIds.bridgeClientId, tenantId: string = demoIds.contosoTenantId, secret: string = demoIds.bridgeClientSecret) {
  const result = await msalFor(tenantId, clientId, secret)().acquireTokenByUsernamePassword({ username, password: demoIds.password, scopes: [`api://localhost:3000/${clientId}/access_as_user`] });
  return result?.accessToken ?? '';
}

const lucia = { tenantId: demoIds.contosoTenantId, objectId: demoIds.luciaObjectId };

describe('Graph tokens for sync', () => {
  it('gets app-only tokens with the environment’s client credentials', async () => {
    const source = createAppOnlyTokenSource(msalFor(demoIds.fabrikamTenantId, demoIds.fabrikamBridgeClientId, demoIds.fabrikamBridgeClientSecret)());
    expect(decodeJwt(await source.getAccessToken())).toMatchObject({ aud: 'https://graph.microsoft.com', roles: expect.arrayContaining(['Contacts.ReadWrite']) });
  });

  it('refuses a wrong client secret as forbidden, naming the secret', async () => {
    const source = createAppOnlyTokenSource(msalFor(demoIds.fabrikamTenantId, demoIds.fabrikamBridgeClientId, 'wrong')());
    await expect(source.getAccessToken()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('client secret') });
  });

  it('keeps a delegated sign-in encrypted in the store and refreshes it without the user', async () => {
    await store.users.upsert({ ...lucia, environment: 'contoso', email: 'lucia.martinez@contosoiberica.onmicrosoft.com', displayName: 'Lucía' }, new Date().toISOString());
    const tokens = createDelegatedTokens({ msal: msalFor(demoIds.contosoTenantId, demoIds.bridgeClientId, demoIds.bridgeClientSecret), store });
    await tokens.connect(lucia, await bridgeToken('lucia.martinez@contosoiberica.onmicrosoft.com'));

    // A new process: nothing but the stored, encrypted cache.
    const later = createDelegatedTokens({ msal: msalFor(demoIds.contosoTenantId, demoIds.bridgeClientId, demoIds.bridgeClientSecret), store });
    const claims = decodeJwt(await later.sourceFor(lucia).getAccessToken());
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', oid: demoIds.luciaObjectId, scp: expect.stringContaining('Contacts.ReadWrite') });
  });

  it('asks the user to turn sync on again when no sign-in is stored', async () => {
    const tokens = createDelegatedTokens({ msal: msalFor(demoIds.contosoTenantId, demoIds.bridgeClientId, demoIds.bridgeClientSecret), store });
    const error = await tokens.sourceFor({ tenantId: demoIds.contosoTenantId, objectId: demoIds.inigoObjectId }).getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'auth_required' });
  });

  it('reports missing consent when the user never consented to Graph', async () => {
    const francois = { tenantId: demoIds.fabrikamTenantId, objectId: demoIds.francoisObjectId };
    const tokens = createDelegatedTokens({ msal: msalFor(demoIds.fabrikamTenantId, demoIds.fabrikamBridgeClientId, demoIds.fabrikamBridgeClientSecret), store });
    const token = await bridgeToken('francois.lefevre@fabrikamfrance.onmicrosoft.com', demoIds.fabrikamBridgeClientId, demoIds.fabrikamTenantId, demoIds.fabrikamBridgeClientSecret);
    await expect(tokens.connect(francois, token)).rejects.toMatchObject({ code: 'forbidden', graphCode: 'consent_required', message: expect.stringContaining('consent') });
  });
});
