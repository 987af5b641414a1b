import pino from 'pino';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import type { IdentityServer } from '../../../dev/m365/identity/start-identity-server';
import { startMicrosoft365, type Microsoft365 } from '../../../dev/m365/start-microsoft-365';
import { createTrustingFetch } from '../../../server/auth/create-trusting-fetch';
import { createTrustingNetworkClient } from '../../../server/auth/create-trusting-network-client';
import type { ContactSyncService } from '../../../server/jobs/contact-sync-service';
import { createContactSyncService } from '../../../server/jobs/create-contact-sync-service';
import { createGraphAccess, type GraphAccess } from '../../../server/jobs/create-graph-access';
import { createApp, type AppOptions, type BridgeApp } from '../../../server/app';
import { createDoctor } from '../../../server/doctor/create-doctor';
import type { AppDeps } from '../../../server/http/app-env';
import { createTokenValidator } from '../../../server/auth/create-token-validator';
import { parseConfig } from '../../../server/config/load-config';
import { openDemoErp, type DemoErp } from '../../../server/erp/demo/open-demo-erp';
import type { BridgeEnvironment } from '../../../server/http/principal';
import { openStore } from '../../../server/store/open-store';
import type { Store } from '../../../server/store/store';
import { bridgeToken } from './bridge-token';
import { createErpChangeHook } from '../../../server/notifications/create-erp-change-hook';
import { receiveGraphNotifications } from '../../../server/notifications/receive-graph-notifications';

/** Contoso's `erpChangeSecret` in the test bridge. */
export const testErpChangeSecret = 'contoso-erp-change-secret';

export const demoUsers = {
  lucia: { email: 'lucia.martinez@contosoiberica.onmicrosoft.com', displayName: 'Lucía Martínez García' },
  inigo: { email: 'inigo.urrutia@contosoiberica.onmicrosoft.com', displayName: 'Íñigo Urrutia Peña' },
  amelie: { email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com', displayName: 'Amélie Dubois' },
} as const;

export interface TestBridge {
  app: BridgeApp;
  identity: IdentityServer;
  m365: Microsoft365;
  store: Store;
  erps: { contoso: DemoErp; fabrikam: DemoErp };
  /** The real contact sync service behind the sync routes. */
  contactSync: ContactSyncService;
  /** The bridge's Graph access, to put items in a mailbox as its user would. */
  graphAccess: GraphAccess;
  /** Bridge tokens: Lucía is a Contoso admin, Íñigo a Contoso user, Amélie a Fabrikam admin. */
  tokens: { admin: string; lucia: string; inigo: string; amelie: string };
  /** A bridge token for a user of the identity server's directory (one pushed by the test too). */
  signIn(username: string, clientId?: string): Promise<string>;
  request(path: string, init?: { method?: string; body?: string | object; token?: string; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/** A fixed clock keeps ERP timestamps and the seeded data stable between runs. */
export const testNow = new Date('2026-11-02T09:00:00.000Z');

/**
 * The bridge in process with its real parts: the identity server over HTTP, the demo ERP and the
 * store in SQLite memory, the token validator, Graph access and contact sync against the local
 * Graph. Two environments in two tenants.
 */
export async function createTestBridge(
  options: {
    contacts?: number;
    deps?: Pick<AppDeps, 'maxBodyBytes' | 'frameAncestors' | 'rateLimits'>;
    app?: AppOptions;
    /** Contoso's `sync` block in the configuration (none: every direction and policy allowed). */
    contosoSync?: unknown;
  } = {},
): Promise<TestBridge> {
  // HTTPS, as MSAL requires: the bridge trusts the stand-in's certificate explicitly.
  const m365 = await startMicrosoft365({ https: true });
  const { identity } = m365;
  const certificate = m365.certificate ?? '';
  const config = parseConfig({
    environments: [
      { environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, erp: { adapter: 'demo' }, ...(options.contosoSync ? { sync: options.contosoSync } : {}) },
      {
        environment: 'fabrikam', tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, mode: 'app-only',
        erp: { adapter: 'demo' },
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
  const store = await openStore('sqlite::memory:', { encryptionKey: Buffer.alloc(32, 3).toString('base64') });
  const [contosoConfig, fabrikamConfig] = config.environments;
  if (!contosoConfig || !fabrikamConfig) throw new Error('two environments expected');
  const environments = new Map<string, BridgeEnvironment>([
    ['contoso', { config: contosoConfig, erp: contoso }],
    ['fabrikam', { config: fabrikamConfig, erp: fabrikam }],
  ]);
  const secrets = new Map([['contoso', demoIds.bridgeClientSecret], ['fabrikam', demoIds.fabrikamBridgeClientSecret]]);
  const graphAccess = createGraphAccess({
    environments: config.environments,
    secrets,
    authority: identity.url,
    graphBaseUrl: `${m365.graph.url}/v1.0`,
    store,
    networkClient: createTrustingNetworkClient(certificate),
    graphFetch: createTrustingFetch(certificate),
  });
  const logger = pino({ level: 'silent' });
  const contactSync = createContactSyncService({ store, environments, graphAccess, logger, now });
  const app = createApp({
    environments, store, now, graphAccess, contactSync, authority: identity.url,
    doctor: createDoctor({ config, environments, secrets, store, graphAccess, identityFetch: createTrustingFetch(certificate), graphFetch: createTrustingFetch(certificate) }),
    authenticate: createTokenValidator({ authority: identity.url, environments: config.environments, fetch: createTrustingFetch(certificate) }),
    // Notifications are checked and stored as in production; nothing here processes them.
    graphNotifications: { receive: (body) => receiveGraphNotifications(body, { store, logger, now }) },
    erpChanges: createErpChangeHook({ store, environments, secrets: new Map([['contoso', testErpChangeSecret]]), queueRuns: async () => undefined }),
    logger, ...options.deps,
  }, options.app);
  const signIn = (username: string, clientId: string = demoIds.bridgeClientId) => bridgeToken(m365, certificate, username, clientId);
  const lucia = await signIn(demoUsers.lucia.email);
  const inigo = await signIn(demoUsers.inigo.email);
  const amelie = await signIn(demoUsers.amelie.email, demoIds.fabrikamBridgeClientId);

  return {
    app, identity, m365, store, erps: { contoso, fabrikam }, contactSync, graphAccess,
    tokens: { admin: lucia, lucia, inigo, amelie },
    signIn,
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
      await contactSync.close();
      await Promise.all([contoso.close(), fabrikam.close(), store.close(), m365.close()]);
    },
  };
}
