import pino from 'pino';
import type { GraphEmulatorOptions } from '../dev/m365/graph/graph-emulator-options';
import { demoIds } from '../dev/m365/identity/demo-directory';
import { startMicrosoft365, type Microsoft365 } from '../dev/m365/start-microsoft-365';
import { parseConfig } from '../server/config/load-config';
import { openDemoErp, type DemoErp } from '../server/erp/demo/open-demo-erp';
import type { ContactSyncService, ContactSyncServiceOptions } from '../server/jobs/contact-sync-service';
import { createContactSyncService } from '../server/jobs/create-contact-sync-service';
import { createGraphAccess, type GraphAccess } from '../server/jobs/create-graph-access';
import { runEventCollection } from '../server/jobs/run-event-collection';
import { runTaskCollection } from '../server/jobs/run-task-collection';
import { demoUserRow } from '../server/erp/demo/demo-rows';
import type { EnvironmentConfig } from '../server/config/config-schema';
import { createMsalClient } from '../server/auth/create-msal-client';
import { createAppOnlyTokenSource } from '../server/auth/graph-token-sources';
import { createTrustingFetch } from '../server/auth/create-trusting-fetch';
import { createTrustingNetworkClient } from '../server/auth/create-trusting-network-client';
import { openStore } from '../server/store/open-store';
import type { Store } from '../server/store/store';
import { createContactFolder } from '../src/graph/contacts/create-contact-folder';
import type { GraphClient } from '../src/graph/create-graph-client';
import type { RequestBudget } from '../src/graph/request-window';

export const benchUser = { tenantId: demoIds.fabrikamTenantId, objectId: demoIds.amelieObjectId };
export const benchEnvironment = 'fabrikam';
/** Amélie's id as an ERP user, when the bench syncs actions (the demo ERP's seed has no Fabrikam users). */
export const benchErpUserId = '800';
const benchEmail = 'amelie.dubois@fabrikamfrance.onmicrosoft.com';

export interface ContactBench {
  m365: Microsoft365;
  erp: DemoErp;
  store: Store;
  service: ContactSyncService;
  /** Fabrikam's app-only Graph token, as the bridge holds it. */
  token(): Promise<string>;
  /** The fetch that trusts the local Microsoft 365's certificate, for any other Graph client. */
  trustingFetch: ReturnType<typeof createTrustingFetch>;
  client: GraphClient;
  /** The bridge's Graph access and its environments, for more of the bridge around the service. */
  graphAccess: GraphAccess;
  environments: ReadonlyMap<string, { config: EnvironmentConfig; erp: DemoErp }>;
  folderId: string;
  /** A second folder of the same mailbox, for a baseline. */
  newFolder(name: string): Promise<string>;
  /** Sync run of the mailbox, to the end. */
  run(): Promise<Awaited<ReturnType<ContactSyncService['waitForRun']>>>;
  close(): Promise<void>;
}

/**
 * Amélie's mailbox (Fabrikam, app-only) on the local Microsoft 365 over HTTPS, a demo ERP with
 * `contacts` contacts, a SQLite store, the bridge's Graph access (MSAL, the gateway client) and the
 * contact sync service; `requestBudget` is the emulator's scaled request limit, which the client paces to.
 */
export async function startContactBench(options: {
  contacts: number;
  requestBudget?: RequestBudget;
  /** How the Graph emulator delivers change notifications. */
  graphNotifications?: GraphEmulatorOptions['notifications'];
  /** Contact sync direction of the mailbox (`erp-to-outlook` by default). */
  direction?: 'erp-to-outlook' | 'two-way';
  /** Options of the contact sync service beyond its ports. */
  service?: Pick<ContactSyncServiceOptions, 'pollGapMs'>;
  /** Amélie is an ERP user too, and her actions sync two-way to her primary calendar and her To Do list `ERP`. */
  actions?: boolean;
  /** The action collections the service runs after contacts (none: contacts only). */
  actionCollections?: ContactSyncServiceOptions['actionCollections'];
  /** ERP users to add, such as the mailbox's owner so that actions can be hers. */
  salespeople?: readonly { email: string; displayName: string }[];
}): Promise<ContactBench> {
  const m365 = await startMicrosoft365({ https: true, ...(options.graphNotifications ? { graphNotifications: options.graphNotifications } : {}) });
  const certificate = m365.certificate ?? '';
  const trustingFetch = createTrustingFetch(certificate);
  const config = parseConfig({
    environments: [{ environment: benchEnvironment, tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, mode: 'app-only', erp: { adapter: 'demo' } }],
    identity: { authority: m365.identity.url },
  });
  const store = await openStore('sqlite::memory:');
  const graphAccess = createGraphAccess({
    environments: config.environments,
    secrets: new Map([[benchEnvironment, demoIds.fabrikamBridgeClientSecret]]),
    authority: m365.identity.url,
    graphBaseUrl: `${m365.graph.url}/v1.0`,
    store,
    networkClient: createTrustingNetworkClient(certificate),
    graphFetch: trustingFetch,
    ...(options.requestBudget ? { clientOptions: { requestBudget: options.requestBudget } } : {}),
  });
  const client = graphAccess.clientFor(benchEnvironment, benchUser);
  const msal = createMsalClient({ authority: m365.identity.url, tenantId: demoIds.fabrikamTenantId, clientId: demoIds.fabrikamBridgeClientId, clientSecret: demoIds.fabrikamBridgeClientSecret, networkClient: createTrustingNetworkClient(certificate) });
  const tokens = createAppOnlyTokenSource(msal);
  const token = () => tokens.getAccessToken();
  const erp = await openDemoErp({ file: ':memory:', seed: { seed: 1, contacts: options.contacts, actionsPerContact: 0, ...(options.salespeople ? { salespeople: options.salespeople } : {}) } });
  const environment = config.environments[0];
  if (!environment) throw new Error('no environment');
  const now = new Date().toISOString();
  await store.users.upsert({ ...benchUser, environment: benchEnvironment, email: benchEmail, displayName: 'Amélie Dubois' }, now);
  if (options.actions) await erp.database.insertInto('erp_users').values(demoUserRow(Number(benchErpUserId), benchEmail, 'Amélie Dubois')).execute();
  const actions = options.actions ? 'two-way' : 'off';
  const newFolder = async (name: string) => (await createContactFolder(client, benchUser.objectId, name)).id ?? '';
  const folderId = await newFolder('ERP');
  await store.settings.put(benchUser, { enabled: true, contactFolderId: folderId, actionsEnabled: options.actions ?? false, todoListName: 'ERP', contacts: options.direction ?? 'erp-to-outlook', conflicts: 'erp-wins', events: actions, eventConflicts: 'erp-wins', tasks: actions, taskConflicts: 'erp-wins' }, now);
  const environments = new Map([[benchEnvironment, { config: environment, erp }]]);
  const service = createContactSyncService({
    store, environments, graphAccess, logger: pino({ level: 'silent' }), ...options.service,
    ...(options.actionCollections ? { actionCollections: options.actionCollections } : {}),
    ...(options.actions && !options.actionCollections ? { actionCollections: { events: runEventCollection, tasks: runTaskCollection } } : {}),
  });
  return {
    m365, erp, store, service, token, trustingFetch, client, graphAccess, environments, folderId, newFolder,
    async run() {
      const { runId } = await service.runNow(benchEnvironment, benchUser);
      return service.waitForRun(runId);
    },
    async close() {
      await service.close();
      await Promise.all([erp.close(), store.close(), m365.close()]);
    },
  };
}
