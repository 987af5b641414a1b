import pino from 'pino';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { startIdentityServer, type IdentityServer } from '../../../dev/m365/identity/start-identity-server';
import { createApp, type BridgeApp } from '../../../server/app';
import { createTokenValidator } from '../../../server/auth/create-token-validator';
import { parseConfig } from '../../../server/config/load-config';
import { openDemoErp, type DemoErp } from '../../../server/erp/demo/open-demo-erp';
import type { BridgeEnvironment } from '../../../server/http/principal';
import { openStore } from '../../../server/store/open-store';
import type { Store } from '../../../server/store/store';
import { bridgeTokenFor } from '../../dev/m365/identity/support/sign-in-with-password';

export const demoUsers = {
  lucia: { email: 'lucia.martinez@contosoiberica.onmicrosoft.com', displayName: 'Lucía Martínez García' },
  inigo: { email: 'inigo.urrutia@contosoiberica.onmicrosoft.com', displayName: 'Íñigo Urrutia Peña' },
  amelie: { email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com', displayName: 'Amélie Dubois' },
} as const;

export interface TestBridge {
  app: BridgeApp;
  identity: IdentityServer;
  store: Store;
  erps: { contoso: DemoErp; fabrikam: DemoErp };
  /** Bridge tokens: Lucía is a Contoso admin, Íñigo a Contoso user, Amélie a Fabrikam admin. */
  tokens: { admin: string; lucia: string; inigo: string; amelie: string };
  request(path: string, init?: { method?: string; body?: string | object; token?: string; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** A fixed clock keeps ERP timestamps and the seeded data stable between runs. */
export const testNow = new Date('2026-11-02T09:00:00.000Z');

/**
 * The bridge in process with its real parts: the identity server over HTTP, the demo ERP and the
 * store in SQLite memory, the token validator. Two environments in two tenants.
 */
export async function createTestBridge(options: { contacts?: number } = {}): Promise<TestBridge> {
  const identity = await startIdentityServer();
  const config = parseConfig({
    environments: [
      { environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, erp: { adapter: 'demo' } },
      {
        environment: 'fabrikam', tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, mode: 'app-only',
        admins: [demoUsers.amelie.email], erp: { adapter: 'demo' },
      },
    ],
    identity: { authority: identity.url },
  });
  const seed = (value: number, salespeople: { email: string; displayName: string }[]) => ({
    seed: value, contacts: options.contacts ?? 120, referenceDate: testNow, salespeople,
  });
  const now = () => testNow;
  const contoso = await openDemoErp({ file: ':memory:', now, seed: seed(1, [demoUsers.lucia, demoUsers.inigo]) });
  const fabrikam = await openDemoErp({ file: ':memory:', now, seed: seed(2, [demoUsers.amelie]) });
  const store = await openStore('sqlite::memory:');
  const [contosoConfig, fabrikamConfig] = config.environments;
  if (!contosoConfig || !fabrikamConfig) throw new Error('two environments expected');
  const environments = new Map<string, BridgeEnvironment>([
    ['contoso', { config: contosoConfig, erp: contoso }],
    ['fabrikam', { config: fabrikamConfig, erp: fabrikam }],
  ]);
  const app = createApp({
    environments, store, now,
    authenticate: createTokenValidator({ authority: identity.url, environments: config.environments }),
    logger: pino({ level: 'silent' }),
  });
  const lucia = await bridgeTokenFor(identity, { username: demoUsers.lucia.email });
  const inigo = await bridgeTokenFor(identity, { username: demoUsers.inigo.email });
  const amelie = await bridgeTokenFor(identity, { username: demoUsers.amelie.email, clientId: demoIds.fabrikamBridgeClientId });

  return {
    app, identity, store, erps: { contoso, fabrikam },
    tokens: { admin: lucia, lucia, inigo, amelie },
    request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      let body: string | undefined;
      if (typeof init.body === 'object') {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      } else body = init.body;
      return Promise.resolve(app.request(path, { method: init.method ?? 'GET', headers, body }));
    },
    async close() {
      await Promise.all([contoso.close(), fabrikam.close(), store.close(), identity.close()]);
    },
  };
}
