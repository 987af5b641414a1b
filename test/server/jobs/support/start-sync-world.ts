import pino from 'pino';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { demoIds } from '../../../../dev/m365/identity/demo-directory';
import type { InspectedContact } from '../../../../dev/m365/graph/graph-emulator-admin';
import { startMicrosoft365, type Microsoft365 } from '../../../../dev/m365/start-microsoft-365';
import { createTrustingFetch } from '../../../../server/auth/create-trusting-fetch';
import { createTrustingNetworkClient } from '../../../../server/auth/create-trusting-network-client';
import { parseConfig } from '../../../../server/config/load-config';
import { openDemoErp, type DemoErp } from '../../../../server/erp/demo/open-demo-erp';
import type { ContactSyncRun, ContactSyncService, ContactSyncServiceOptions } from '../../../../server/jobs/contact-sync-service';
import { createContactSyncService } from '../../../../server/jobs/create-contact-sync-service';
import { createGraphAccess, type GraphAccess } from '../../../../server/jobs/create-graph-access';
import { toOutlookContact } from '../../../../src/graph/contacts/to-outlook-contact';
import { openStore } from '../../../../server/store/open-store';
import type { Store, UserKey } from '../../../../server/store/store';
import type { ErpPort } from '../../../../src/domain/erp-port';
import type { ErpContact } from '../../../../src/domain/erp-records';
import { parseErpTag } from '../../../../src/domain/parse-erp-tag';
import { projectErpContact } from '../../../../src/domain/project-erp-contact';
import type { ConflictPolicy, SyncDirection } from '../../../../src/domain/sync-settings';
import { createContactFolder } from '../../../../src/graph/contacts/create-contact-folder';
import type { GraphClient, GraphClientOptions } from '../../../../src/graph/create-graph-client';
import type { OutlookContact } from '../../../../src/sync/contacts/outlook-contact';

/** Lucía (Contoso, delegated: her sign-in is exchanged once) and Amélie (Fabrikam, app-only). */
export const mailboxes = {
  lucia: { environment: 'contoso', user: { tenantId: demoIds.contosoTenantId, objectId: demoIds.luciaObjectId }, email: 'lucia.martinez@contosoiberica.onmicrosoft.com', name: 'Lucía Martínez García' },
  amelie: { environment: 'fabrikam', user: { tenantId: demoIds.fabrikamTenantId, objectId: demoIds.amelieObjectId }, email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com', name: 'Amélie Dubois' },
} as const;

export type MailboxName = keyof typeof mailboxes;

/** The local Microsoft 365 over HTTPS (MSAL wants it), shared by a test file, and Lucía's bridge token. */
export interface SharedMicrosoft365 {
  m365: Microsoft365;
  certificate: string;
  luciaBridgeToken: string;
  /** Moves the Graph emulator's clock on (it stamps items with it), e.g. so an edit is later than a create. */
  advanceGraphClock(ms: number): void;
  close(): Promise<void>;
}

export async function startSharedMicrosoft365(): Promise<SharedMicrosoft365> {
  let graphClockOffsetMs = 0;
  const m365 = await startMicrosoft365({ https: true, graphNow: () => Date.now() + graphClockOffsetMs });
  const certificate = m365.certificate ?? '';
  const answer = await createTrustingFetch(certificate)(`${m365.identity.url}/organizations/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password', client_id: demoIds.bridgeClientId, username: mailboxes.lucia.email, password: demoIds.password,
      scope: `api://localhost:3000/${demoIds.bridgeClientId}/access_as_user`,
    }).toString(),
  });
  const body = (await answer.json()) as { access_token?: string };
  if (!body.access_token) throw new Error('Lucía could not sign in to the bridge');
  return {
    m365, certificate, luciaBridgeToken: body.access_token,
    advanceGraphClock: (ms) => void (graphClockOffsetMs += ms),
    close: () => m365.close(),
  };
}

export interface SyncWorldOptions {
  /** ERP contacts of each environment (the demo's fixed ones included). */
  contacts?: number;
  direction?: Exclude<SyncDirection, 'off'>;
  policy?: ConflictPolicy;
  /** The demo ERPs' clock, which stamps their changes (the system's clock unless given). */
  erpNow?: () => Date;
  /** Wraps an environment's ERP, e.g. to narrow its scope. */
  wrapErp?: (environment: string, erp: DemoErp) => ErpPort;
  /** Sees each Graph request the bridge sends before it leaves. */
  beforeGraphRequest?: (method: string, url: string) => void;
  service?: Partial<Pick<ContactSyncServiceOptions, 'now' | 'random' | 'fullListingEveryMs' | 'maxConcurrentRuns' | 'actionCollections'>>;
  /** The store's database: SQLite in memory unless given (a PostgreSQL test database, for several bridges). */
  storeUrl?: string;
}

/** A bridge's own parts over a store: its connection, Graph access and contact sync service. */
export interface SyncBridge {
  store: Store;
  graphAccess: GraphAccess;
  service: ContactSyncService;
}

/** One test's bridge: its own store, ERPs, folders and service, over the shared Microsoft 365. */
export interface SyncWorld {
  shared: SharedMicrosoft365;
  store: Store;
  erps: Record<'contoso' | 'fabrikam', DemoErp>;
  graphAccess: GraphAccess;
  service: ContactSyncService;
  folders: Record<MailboxName, string>;
  /** A Graph client acting as the mailbox's owner in Outlook (same app, same throttling). */
  outlook(name: MailboxName): { client: GraphClient; mailbox: string };
  run(name: MailboxName, options?: { confirmRemovals?: boolean }): Promise<ContactSyncRun>;
  /** The folder's contacts as the emulator holds them, with their tags. */
  folderContacts(name: MailboxName): OutlookContact[];
  /** What the folder should hold: each ERP contact's projection, by tag. */
  projection(name: MailboxName): Promise<Map<string, OutlookContact['fields']>>;
  erpContacts(name: MailboxName): Promise<ErpContact[]>;
  /** Moves the demo ERPs' clock on (they date each write with it). */
  advanceErpClock(ms: number): void;
  /** One more bridge over the same store database and ERPs (`storeUrl`), closed with the world. */
  addBridge(): Promise<SyncBridge>;
  close(): Promise<void>;
}

let worldCount = 0;

/**
 * Registers a test file's hooks: one Microsoft 365 for the file, and the world `start` makes for
 * a test closed after it.
 * @example const worlds = useSyncWorlds(); … const world = await worlds.start();
 */
export function useSyncWorlds() {
  let shared: SharedMicrosoft365 | undefined;
  let world: SyncWorld | undefined;
  beforeAll(async () => {
    shared = await startSharedMicrosoft365();
  });
  afterAll(() => shared?.close());
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  const sharedOrThrow = () => {
    if (!shared) throw new Error('Microsoft 365 is started in beforeAll: use it inside a test');
    return shared;
  };
  return {
    shared: sharedOrThrow,
    async start(options: SyncWorldOptions = {}): Promise<SyncWorld> {
      world = await startSyncWorld(sharedOrThrow(), options);
      return world;
    },
  };
}

/** Turns sync on for an environment, as its admin does in the Admin view. */
export function activateSync(store: Store, environment: string): Promise<void> {
  return store.activations.put({ environment, syncActivated: true, applicationId: 'app', changedBy: 'admin@example.test', changedAt: new Date().toISOString() });
}

/** Every contact of a demo ERP, in its listing order. */
export async function listAllErpContacts(erp: Pick<ErpPort, 'searchContacts'>): Promise<ErpContact[]> {
  const contacts: ErpContact[] = [];
  let cursor: string | undefined;
  do {
    const page = await erp.searchContacts({ limit: 1000, ...(cursor ? { cursor } : {}) });
    contacts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return contacts;
}

export function toFolderContact(contact: InspectedContact): OutlookContact {
  return toOutlookContact({ ...contact, id: contact.immutableId });
}

export async function startSyncWorld(shared: SharedMicrosoft365, options: SyncWorldOptions = {}): Promise<SyncWorld> {
  worldCount += 1;
  const { m365, certificate } = shared;
  const config = parseConfig({
    environments: [
      { environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, erp: { adapter: 'demo' } },
      { environment: 'fabrikam', tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, mode: 'app-only', erp: { adapter: 'demo' } },
    ],
    identity: { authority: m365.identity.url },
  });
  const seed = (value: number) => ({ seed: value, contacts: options.contacts ?? 30, salespeople: [{ email: mailboxes.lucia.email, displayName: mailboxes.lucia.name }] });
  // The ERPs' clock: `erpNow` when given, moved on by `advanceErpClock`.
  let erpClockOffsetMs = 0;
  const erpBase = options.erpNow ?? (() => new Date());
  const erpNow = () => new Date(erpBase().getTime() + erpClockOffsetMs);
  const erps = { contoso: await openDemoErp({ file: ':memory:', seed: seed(1), now: erpNow }), fabrikam: await openDemoErp({ file: ':memory:', seed: seed(2), now: erpNow }) };
  const openWorldStore = () => openStore(options.storeUrl ?? 'sqlite::memory:', { encryptionKey: Buffer.alloc(32, 7).toString('base64') });
  const store = await openWorldStore();
  const trusting = createTrustingFetch(certificate);
  const graphFetch: GraphClientOptions['fetch'] = (url, init) => {
    options.beforeGraphRequest?.(init.method, url);
    return trusting(url, init);
  };
  const graphAccessOver = (bridgeStore: Store) => createGraphAccess({
    environments: config.environments,
    secrets: new Map([['contoso', demoIds.bridgeClientSecret], ['fabrikam', demoIds.fabrikamBridgeClientSecret]]),
    authority: m365.identity.url,
    graphBaseUrl: `${m365.graph.url}/v1.0`,
    store: bridgeStore,
    networkClient: createTrustingNetworkClient(certificate),
    graphFetch,
  });
  const graphAccess = graphAccessOver(store);
  const now = new Date().toISOString();
  for (const { environment, user, email, name } of Object.values(mailboxes)) {
    await store.users.upsert({ ...user, environment, email, displayName: name }, now);
  }
  await graphAccess.connect('contoso', mailboxes.lucia.user, shared.luciaBridgeToken);

  const outlook = (name: MailboxName) => ({ client: graphAccess.clientFor(mailboxes[name].environment, mailboxes[name].user), mailbox: graphAccess.mailboxOf(mailboxes[name].user) });
  const chooseFolder = async (name: MailboxName) => {
    const { client, mailbox } = outlook(name);
    const folderId = (await createContactFolder(client, mailbox, `ERP ${worldCount}`)).id ?? '';
    await store.settings.put(mailboxes[name].user, {
      enabled: true, contactFolderId: folderId, actionsEnabled: false, todoListName: 'ERP',
      contacts: options.direction ?? 'erp-to-outlook', conflicts: options.policy ?? 'erp-wins',
      events: 'off', eventConflicts: 'erp-wins', tasks: 'off', taskConflicts: 'erp-wins',
    }, now);
    return folderId;
  };
  const folders = { lucia: await chooseFolder('lucia'), amelie: await chooseFolder('amelie') };
  const environments = new Map([
    ['contoso', { config: config.environments[0]!, erp: options.wrapErp?.('contoso', erps.contoso) ?? erps.contoso }],
    ['fabrikam', { config: config.environments[1]!, erp: options.wrapErp?.('fabrikam', erps.fabrikam) ?? erps.fabrikam }],
  ]);
  const serviceOver = (bridgeStore: Store, bridgeGraphAccess: GraphAccess) =>
    createContactSyncService({ store: bridgeStore, environments, graphAccess: bridgeGraphAccess, logger: pino({ level: 'silent' }), ...options.service });
  const service = serviceOver(store, graphAccess);
  const erpOf = (name: MailboxName) => erps[mailboxes[name].environment];
  const bridges: SyncBridge[] = [];

  return {
    shared, store, erps, graphAccess, service, folders, outlook,
    async run(name, runOptions) {
      const { runId } = await service.runNow(mailboxes[name].environment, mailboxes[name].user, runOptions);
      return service.waitForRun(runId);
    },
    folderContacts(name) {
      return m365.graph.admin
        .readMailbox(mailboxes[name].user.objectId)
        .contacts.filter((contact) => contact.parentFolderId === folders[name])
        .map(toFolderContact);
    },
    async projection(name) {
      const environment = mailboxes[name].environment;
      const projected = (await listAllErpContacts(erpOf(name))).map((contact) => projectErpContact(contact, environment));
      return new Map(projected.map(({ tag, fields }) => [tag, fields]));
    },
    erpContacts: (name) => listAllErpContacts(erpOf(name)),
    advanceErpClock: (ms) => void (erpClockOffsetMs += ms),
    async addBridge() {
      const bridgeStore = await openWorldStore();
      const bridgeGraphAccess = graphAccessOver(bridgeStore);
      const bridge = { store: bridgeStore, graphAccess: bridgeGraphAccess, service: serviceOver(bridgeStore, bridgeGraphAccess) };
      bridges.push(bridge);
      return bridge;
    },
    async close() {
      await Promise.all([service, ...bridges.map((bridge) => bridge.service)].map((each) => each.close()));
      await Promise.all([erps.contoso.close(), erps.fabrikam.close(), store.close(), ...bridges.map((bridge) => bridge.store.close())]);
    },
  };
}

/** Tags that more than one item of the folder carries. */
export function duplicatedTags(contacts: readonly OutlookContact[]): string[] {
  const seen = new Map<string, number>();
  for (const contact of contacts) if (contact.tag) seen.set(contact.tag, (seen.get(contact.tag) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([tag]) => tag);
}

/** The ERP id a folder item belongs to. */
export const erpIdOf = (contact: OutlookContact) => parseErpTag(contact.tag)?.erpId;

export type { UserKey };
