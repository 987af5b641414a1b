import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Contact } from '@microsoft/microsoft-graph-types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../dev/m365/identity/demo-directory';
import type { InspectedContact } from '../../dev/m365/graph/graph-emulator-admin';
import { seededRandom } from '../../dev/m365/graph/seeded-random';
import { startMicrosoft365, type Microsoft365 } from '../../dev/m365/start-microsoft-365';
import { createApp, type BridgeApp } from '../../server/app';
import { createTokenValidator } from '../../server/auth/create-token-validator';
import { createTrustingFetch } from '../../server/auth/create-trusting-fetch';
import { createTrustingNetworkClient } from '../../server/auth/create-trusting-network-client';
import { parseConfig } from '../../server/config/load-config';
import { openDemoErp, type DemoErp } from '../../server/erp/demo/open-demo-erp';
import { createGraphAccess } from '../../server/jobs/create-graph-access';
import { openStore } from '../../server/store/open-store';
import type { Store } from '../../server/store/store';
import { ErpError } from '../../src/domain/erp-port';
import type { ContactPatch, ErpContact } from '../../src/domain/erp-records';
import { normalizeSyncedContact } from '../../src/domain/normalize-synced-contact';
import { parseErpTag } from '../../src/domain/parse-erp-tag';
import { projectErpContact } from '../../src/domain/project-erp-contact';
import { conflictPolicies, type ConflictPolicy } from '../../src/domain/sync-settings';
import { syncedContactSchema, type SyncedContact } from '../../src/domain/synced-contact';
import { createContactFolder } from '../../src/graph/contacts/create-contact-folder';
import { deleteContact } from '../../src/graph/contacts/delete-contact';
import { updateContact } from '../../src/graph/contacts/update-contact';
import type { GraphClient } from '../../src/graph/create-graph-client';
import { SyncError } from '../../src/sync/sync-error';
import { duplicatedTags, listAllErpContacts, toFolderContact } from '../server/jobs/support/start-sync-world';
import { bridgeToken } from '../server/support/bridge-token';
import type { ChaosWorkerMessage, ChaosWorkerSettings } from './support/chaos-worker-settings';
import { actionEditKinds, type ActionEdit, type ActionEditKind } from './support/action-edit';
import { createActionChaos } from './support/action-chaos';
import { contactEditKinds, mergeableContactEditKinds, type ContactEdit, type ContactEditKind } from './support/contact-edit';
import { expectedContact, type ExpectedContact } from './support/expected-contact';
import { userRequestHeader, watchWorkerTraffic, type WorkerTraffic } from './support/watch-worker-traffic';

/**
 * Chaos (DESIGN §7, §8): seeded runs of a two-way mailbox sync (contacts, then Amélie's ERP actions
 * as events in her calendar and tasks in her To Do list) while Graph answers ~10% 429 (short
 * Retry-After), ~5% 5xx, some resets and slow answers the client gives up on, the ERP and Outlook
 * users edit and delete concurrently, and the sync process is SIGKILLed at a random request count
 * and started again. The runs go through the four conflict policies in turn; under each, both
 * sides edit the same fields, the same lists and the same address. At the end of each policy's
 * runs, every edit is checked field by field against an oracle written from the rules, and at the
 * end the folder must equal the ERP projection, with no duplicate and no ERP record deleted. The
 * actions meet the same policies, kills and edits on both sides (`support/action-chaos.ts`): their
 * subject, notes, times, due dates and status, completion, privacy, reassignment and deletes in
 * Outlook, checked against `expectedAction`; no event or task is duplicated, no ERP action deleted,
 * and Amélie's private events are never read.
 *
 * Everything random comes from the seed, and every race is placed by request count, not by timers:
 * the same seed replays the same runs, kills and figures (the `CHAOS` line), on any machine.
 */
const seed = Number(process.env.CHAOS_SEED ?? 20261102);
const chaosRuns = Number(process.env.CHAOS_RUNS ?? 24);
const runsPerPolicy = Math.max(2, Math.ceil(chaosRuns / conflictPolicies.length));
const killShare = 0.3;
const erpContacts = 60;
/** Edits of one contact by both sides are this far apart on the shared clock, so `newest` has a clear answer at Graph's second precision. */
const userEditGapMs = 10_000;

const environment = 'fabrikam';
const amelie = { tenantId: demoIds.fabrikamTenantId, objectId: demoIds.amelieObjectId };
const actor = { email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com' };
/** A slow answer outlasts the worker's patience; any other, however loaded the machine, comes well within it. */
const requestTimeoutMs = 2_000;
const faults = (run: number) => ({
  seed: seed + run, throttledShare: 0.1, serviceUnavailableShare: 0.03, gatewayTimeoutShare: 0.02, connectionResetShare: 0.02,
  slowShare: 0.01, slowMs: requestTimeoutMs + 1_000, retryAfterSeconds: 0.05,
});

/**
 * The clock of the users' writes, in the ERP and in Graph: real time plus an offset that each user
 * edit moves on, so edits are seconds apart without the test waiting. The worker's ERP stamps its
 * own writes after the latest one, so the ERP's times never go back.
 */
let clockOffsetMs = 0;
const virtualNow = () => Date.now() + clockOffsetMs;

interface Worker {
  run(): Promise<Extract<ChaosWorkerMessage, { type: 'finished' }> | 'killed'>;
  kill(): Promise<void>;
}

function startWorker(settings: ChaosWorkerSettings, output: string[]): Promise<Worker> {
  const child: ChildProcess = fork(fileURLToPath(new URL('support/contact-sync-worker.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, CHAOS_WORKER: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const keep = (chunk: Buffer) => output.push(chunk.toString());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sync worker exited (${code}) before it was ready:\n${output.join('').slice(-2000)}`)));
    child.once('message', () =>
      resolve({
        run: () =>
          new Promise((done) => {
            child.once('message', (message: ChaosWorkerMessage) => message.type === 'finished' && done(message));
            void exited.then(() => done('killed'));
            child.send({ type: 'run' });
          }),
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
      }),
    );
  });
}

let m365: Microsoft365;
let directory: string;
let store: Store;
let erp: DemoErp;
let graph: { client: GraphClient; mailbox: string };
let settings: ChaosWorkerSettings;
let folderId: string;
let traffic: WorkerTraffic;
/** The bridge's API, for Amélie to resolve the conflicts `manual` leaves to her, as the add-in does. */
let api: { app: BridgeApp; token: string };
let actionChaos: ReturnType<typeof createActionChaos>;
/** The edits of actions draw from their own seeded stream, so the contacts' edits stay as the seed places them. */
const actionRandom = seededRandom(seed + 7);

beforeAll(async () => {
  m365 = await startMicrosoft365({ https: true, graphNow: virtualNow });
  directory = mkdtempSync(join(tmpdir(), 'contact-sync-chaos-'));
  const certificateFile = join(directory, 'm365.pem');
  writeFileSync(certificateFile, m365.certificate ?? '');
  const storeFile = join(directory, 'bridge.db');
  const erpFile = join(directory, 'erp.db');
  erp = await openDemoErp({
    file: erpFile, now: () => new Date(virtualNow()),
    seed: { seed, contacts: erpContacts, actionsPerContact: 0, salespeople: [{ email: actor.email, displayName: 'Amélie Dubois' }] },
  });
  store = await openStore(`sqlite:${storeFile}`);
  const config = parseConfig({
    environments: [{ environment, tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, mode: 'app-only', erp: { adapter: 'demo' } }],
    identity: { authority: m365.identity.url },
  });
  // The test's own Graph access plays Amélie in Outlook (same app, so same throttling and faults).
  const trustingFetch = createTrustingFetch(m365.certificate ?? '');
  const access = createGraphAccess({
    environments: config.environments, secrets: new Map([[environment, demoIds.fabrikamBridgeClientSecret]]), authority: m365.identity.url,
    graphBaseUrl: `${m365.graph.url}/v1.0`, store, networkClient: createTrustingNetworkClient(m365.certificate ?? ''),
    graphFetch: (url, init) => {
      init.headers.set(userRequestHeader, 'amelie');
      return trustingFetch(url, init);
    },
    clientOptions: { backoff: { baseDelayMs: 20, maxDelayMs: 200 } },
  });
  traffic = watchWorkerTraffic(m365.graph.admin);
  graph = { client: access.clientFor(environment, amelie), mailbox: access.mailboxOf(amelie) };
  folderId = (await createContactFolder(graph.client, graph.mailbox, 'ERP')).id ?? '';
  const now = new Date().toISOString();
  await store.users.upsert({ ...amelie, environment, email: actor.email, displayName: 'Amélie Dubois' }, now);
  const [environmentConfig] = config.environments;
  if (!environmentConfig) throw new Error('no environment');
  api = {
    app: createApp({
      environments: new Map([[environment, { config: environmentConfig, erp }]]), store, graphAccess: access, logger: pino({ level: 'silent' }),
      authenticate: createTokenValidator({ authority: m365.identity.url, environments: config.environments, fetch: trustingFetch }),
    }),
    token: await bridgeToken(m365, m365.certificate ?? '', actor.email, demoIds.fabrikamBridgeClientId),
  };
  const erpUserId = (await erp.findUserByEmail(actor.email))?.id;
  actionChaos = createActionChaos({
    environment, user: amelie, actor: { email: actor.email, ...(erpUserId ? { erpUserId } : {}) }, erp, store, m365, graph, todoListName: 'ERP',
    now: virtualNow, tick: () => void (clockOffsetMs += userEditGapMs),
  }, actionRandom);
  await actionChaos.seed();
  settings = {
    environment, tenantId: amelie.tenantId, applicationId: demoIds.fabrikamBridgeClientId, clientSecret: demoIds.fabrikamBridgeClientSecret, objectId: amelie.objectId,
    authority: m365.identity.url, graphBaseUrl: `${m365.graph.url}/v1.0`, certificateFile, storeFile, erpFile, requestTimeoutMs,
  };
});

afterAll(async () => {
  await Promise.all([erp?.close(), store?.close(), m365?.close()]);
  rmSync(directory, { recursive: true, force: true });
});

const putPolicy = (policy: ConflictPolicy) =>
  store.settings.put(amelie, {
    enabled: true, contactFolderId: folderId, actionsEnabled: true, todoListName: 'ERP', contacts: 'two-way', conflicts: policy,
    events: 'two-way', eventConflicts: policy, eventsFromOutlook: true, tasks: 'two-way', taskConflicts: policy,
  }, new Date().toISOString());

const folderItems = () => m365.graph.admin.readMailbox(amelie.objectId).contacts.filter((contact) => contact.parentFolderId === folderId);
const folderContacts = () => folderItems().map(toFolderContact);

/** Retries what a busy shared SQLite file or a stale version refuses, as a user would. */
async function editErp(erpId: string, change: (version: number) => ContactPatch): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const record = await erp.getContact(erpId);
    if (!record) return false;
    try {
      await erp.updateContact(erpId, change(record.version), actor);
      return true;
    } catch (error) {
      if (!(error instanceof ErpError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  return false;
}

/** A synced contact both sides agree on: the only kind an edit's base is certain for. */
interface InStep {
  record: ErpContact;
  item: InspectedContact;
  base: SyncedContact;
}

const withoutCategories = (fields: SyncedContact) => ({ ...fields, categories: undefined });

async function contactsInStep(): Promise<Map<string, InStep>> {
  const items = new Map(folderItems().map((item) => [item.immutableId, item]));
  const links = new Map((await store.links.listForUser(amelie, 'contact')).map((link) => [link.erpId, link]));
  const inStep = new Map<string, InStep>();
  for (const record of await listAllErpContacts(erp)) {
    const link = links.get(record.id);
    const item = link?.state === 'active' ? items.get(link.outlookId) : undefined;
    if (!link || !item) continue;
    const base = projectErpContact(record, environment).fields;
    const copy = toFolderContact(item).fields;
    const snapshot = syncedContactSchema.safeParse(link.snapshot);
    if (snapshot.success && isDeepStrictEqual(withoutCategories(copy), withoutCategories(base)) && isDeepStrictEqual(withoutCategories(normalizeSyncedContact(snapshot.data)), withoutCategories(base))) {
      inStep.set(record.id, { record, item, base });
    }
  }
  return inStep;
}

/** Amélie's edit of synced fields in Outlook, as Outlook writes them in Graph. */
function toOutlookWrite(fields: Partial<SyncedContact>, otherBusinessPhones: readonly string[] | undefined, item: InspectedContact): Contact {
  const write: Contact = {};
  if (fields.jobTitle !== undefined) write.jobTitle = fields.jobTitle;
  if (fields.mobilePhone !== undefined) write.mobilePhone = fields.mobilePhone;
  if (fields.notes !== undefined) write.personalNotes = fields.notes;
  if (fields.businessPhone !== undefined || otherBusinessPhones) {
    const [first, ...others] = item.businessPhones ?? [];
    write.businessPhones = [fields.businessPhone ?? first ?? '', ...(otherBusinessPhones ?? others)].filter(Boolean);
  }
  if (fields.address !== undefined) write.businessAddress = { ...item.businessAddress, ...fields.address };
  if (fields.emails !== undefined) write.emailAddresses = fields.emails.map((address) => ({ address, name: item.displayName ?? address }));
  return write;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** The values each side writes for an edit: unique per round and contact, told apart by side. */
function editValues(label: { round: number; index: number }) {
  const { round, index } = label;
  const tag = `${round}.${index}`;
  return {
    erp: {
      jobTitle: `Puesto ${tag}`, businessPhone: `+33 1 40 00 ${twoDigits(round)} ${twoDigits(index)}`, mobilePhone: `+33 6 40 00 ${twoDigits(round)} ${twoDigits(index)}`,
      notes: `Nota ${tag} del ERP`, street: `${round} calle del ERP ${index}`, city: `Lyon ${tag}`, email: `erp.${round}.${index}@exemple.fr`,
    },
    outlook: {
      jobTitle: `Poste ${tag}`, businessPhone: `+33 1 45 00 ${twoDigits(round)} ${twoDigits(index)}`, mobilePhone: `+33 6 12 ${twoDigits(round)} ${twoDigits(index)} 00`,
      notes: `Note ${tag} de Amélie`, city: `Lille ${tag}`, email: `amelie.${round}.${index}@exemple.fr`, secondPhone: `+33 1 49 00 ${twoDigits(round)} ${twoDigits(index)}`,
    },
  };
}

type TextField = 'jobTitle' | 'businessPhone' | 'mobilePhone' | 'notes';

/** What each side writes for an edit of `kind`, or `undefined` when the contact has nothing to edit that way. */
function planEdit(
  kind: ContactEditKind, contact: InStep, label: { round: number; index: number }, random: () => number,
): { erp?: Partial<SyncedContact>; outlook?: Partial<SyncedContact>; otherBusinessPhones?: string[] } | undefined {
  const values = editValues(label);
  const { base, record } = contact;
  const oneOf = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const erpText = (field: TextField): Partial<SyncedContact> => ({ [field]: values.erp[field] });
  const outlookText = (field: TextField): Partial<SyncedContact> => ({ [field]: values.outlook[field] });
  switch (kind) {
    case 'erpOnly':
      return { erp: erpText(oneOf(['jobTitle', 'businessPhone'])) };
    case 'outlookOnly':
      return { outlook: outlookText(oneOf(['mobilePhone', 'notes'])) };
    case 'differentFields':
      return { erp: erpText(oneOf(['jobTitle', 'businessPhone'])), outlook: outlookText(oneOf(['mobilePhone', 'notes'])) };
    case 'sameField': {
      const field = oneOf(['jobTitle', 'businessPhone', 'mobilePhone', 'notes'] as const);
      return { erp: erpText(field), outlook: outlookText(field) };
    }
    case 'addressDifferentParts':
      return { erp: { address: { ...base.address, street: values.erp.street } }, outlook: { address: { ...base.address, city: values.outlook.city } } };
    case 'addressSamePart':
      return { erp: { address: { ...base.address, city: values.erp.city } }, outlook: { address: { ...base.address, city: values.outlook.city } } };
    case 'emailAddedAndPrimaryChanged':
      if (!base.emails.length) return undefined;
      return { erp: { emails: [...record.emails, values.erp.email] }, outlook: { emails: [values.outlook.email, ...base.emails.slice(1)] } };
    case 'emailSameElement':
      if (!base.emails.length) return undefined;
      return { erp: { emails: [values.erp.email, ...record.emails.slice(1)] }, outlook: { emails: [values.outlook.email, ...base.emails.slice(1)] } };
    case 'businessPhoneAndSecondPhone':
      if (!base.businessPhone) return undefined;
      return { erp: erpText('businessPhone'), outlook: {}, otherBusinessPhones: [values.outlook.secondPhone] };
  }
}

/** Whether Outlook holds what Amélie wrote: a write whose answer was lost may still have landed, and one that failed did not. */
function outlookHolds(outlookId: string, fields: Partial<SyncedContact>, otherBusinessPhones: readonly string[] | undefined): boolean {
  const item = folderItems().find((contact) => contact.immutableId === outlookId);
  if (!item) return false;
  const now = toFolderContact(item).fields;
  const wanted = normalizeSyncedContact({ ...now, ...fields });
  return isDeepStrictEqual(now, wanted) && (!otherBusinessPhones || isDeepStrictEqual(item.businessPhones?.slice(1), otherBusinessPhones));
}

/** Both sides write their part of the edit, in an order the seed picks, `userEditGapMs` apart on the shared clock. */
async function makeEdit(kind: ContactEditKind, erpId: string, contact: InStep, label: { round: number; index: number }, random: () => number): Promise<ContactEdit | undefined> {
  const plan = planEdit(kind, contact, label, random);
  if (!plan) return undefined;
  const edit: ContactEdit = { kind, erpId, base: contact.base, baseErpEmails: contact.record.emails };
  const writeErp = async () => {
    if (!plan.erp) return;
    clockOffsetMs += userEditGapMs;
    const at = virtualNow();
    const { jobTitle, businessPhone, mobilePhone, notes, address, emails } = plan.erp;
    const patch: Omit<ContactPatch, 'version'> = { jobTitle, businessPhone, mobilePhone, notes, address, emails };
    if (await editErp(erpId, (version) => ({ ...patch, version }))) edit.erp = { fields: plan.erp, at };
  };
  const writeOutlook = async () => {
    if (!plan.outlook) return;
    clockOffsetMs += userEditGapMs;
    const at = virtualNow();
    const outlookId = contact.item.immutableId;
    try {
      await updateContact(graph.client, graph.mailbox, outlookId, toOutlookWrite(plan.outlook, plan.otherBusinessPhones, contact.item));
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
    }
    if (outlookHolds(outlookId, plan.outlook, plan.otherBusinessPhones)) {
      edit.outlook = { fields: plan.outlook, at, ...(plan.otherBusinessPhones ? { otherBusinessPhones: plan.otherBusinessPhones } : {}) };
    }
  };
  if (random() < 0.5) {
    await writeErp();
    await writeOutlook();
  } else {
    await writeOutlook();
    await writeErp();
  }
  return edit.erp || edit.outlook ? edit : undefined;
}

const sameFieldKinds: readonly ContactEditKind[] = ['sameField', 'addressDifferentParts', 'addressSamePart'];
const sameListKinds: readonly ContactEditKind[] = ['emailAddedAndPrimaryChanged', 'emailSameElement', 'businessPhoneAndSecondPhone'];

type PolicyFigures = { runs: number; kills: number; conflicts: number; sameFieldEdits: number; sameListEdits: number; lostEdits: number };

/** Where the systems differ from the oracle for one edit: one line per field and side. */
async function differences(edit: ContactEdit, expected: ExpectedContact): Promise<string[]> {
  const found: string[] = [];
  const record = await erp.getContact(edit.erpId);
  const item = folderItems().find((contact) => parseErpTag(toFolderContact(contact).tag)?.erpId === edit.erpId);
  const erpFields = record ? projectErpContact(record, environment).fields : undefined;
  const outlookFields = item ? toFolderContact(item).fields : undefined;
  const differ = (where: string, field: string, wanted: unknown, held: unknown) => {
    if (!isDeepStrictEqual(wanted, held)) found.push(`${edit.kind} ${where} ${edit.erpId}.${field}: expected ${JSON.stringify(wanted)}, holds ${JSON.stringify(held)}`);
  };
  for (const [field, value] of Object.entries(expected.erp)) {
    if (field === 'emails') differ('ERP', field, value, record?.emails);
    else differ('ERP', field, normalizeSyncedContact({ emails: [], [field]: value })[field as keyof SyncedContact], erpFields?.[field as keyof SyncedContact]);
  }
  for (const [field, value] of Object.entries(expected.outlook)) {
    differ('Outlook', field, normalizeSyncedContact({ emails: [], [field]: value })[field as keyof SyncedContact], outlookFields?.[field as keyof SyncedContact]);
  }
  if (expected.otherBusinessPhones) differ('Outlook', 'businessPhones', expected.otherBusinessPhones, item?.businessPhones?.slice(1));
  return found;
}

type KilledIn = 'contacts' | 'events' | 'tasks' | 'token';

/** The collection a request's path is of; `undefined` for a `$batch` (its items' paths are inside it) or a token request. */
function collectionOfPath(path: string): KilledIn | undefined {
  if (path.includes('/todo/')) return 'tasks';
  if (/\/(events|calendars?|calendarView)\b/i.test(path)) return 'events';
  if (path.includes('/contact')) return 'contacts';
  return undefined;
}

/** The collection whose request the worker was killed at: a `$batch` belongs to the request before it. */
function killedIn(number: number): KilledIn {
  for (let at = number; at >= 1; at -= 1) {
    const collection = collectionOfPath(traffic.pathOf(at) ?? '');
    if (collection) return collection;
  }
  return 'token';
}

/** The actions' edit kinds, a value both sides change drawn more often, as contacts' are. */
const actionKindsBeforeRun: readonly ActionEditKind[] = [...actionEditKinds, 'sameField', 'sameField'];
const mergeableActionKinds: readonly ActionEditKind[] = ['erpOnly', 'outlookOnly', 'differentFields'];

describe('mailbox sync under chaos', () => {
  it(`keeps the folder, the calendar and To Do equal to the ERP over ${runsPerPolicy} seeded runs per conflict policy with faults, kills and edits of the same fields on both sides: no duplicate, no lost edit, no ERP record deleted`, async () => {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    const output: string[] = [];
    const initial = (await listAllErpContacts(erp)).map((contact) => contact.id).sort();
    // Separate pools, so each expectation has one author: ERP deletes, Outlook deletes, edits on both sides.
    const erpDeletable = initial.slice(0, 2);
    const outlookDeletable = initial.slice(2, 5);
    const editable = initial.slice(5);
    const erpDeleted: string[] = [];
    const outlookDeleted: string[] = [];
    const killsIn: Record<KilledIn, number> = { contacts: 0, events: 0, tasks: 0, token: 0 };
    const collectionRuns = { events: 0, tasks: 0 };
    const actionLost: string[] = [];
    const figures = { runs: 0, kills: 0, failedRuns: 0, failedOperations: 0, adoptions: 0, erpEdits: 0, outlookEdits: 0, erpCreates: 0, erpDeletes: 0, outlookDeletes: 0 };
    const byPolicy = Object.fromEntries(
      conflictPolicies.map((policy) => [policy, { runs: 0, kills: 0, conflicts: 0, sameFieldEdits: 0, sameListEdits: 0, lostEdits: 0 }]),
    ) as Record<ConflictPolicy, PolicyFigures>;
    const lost: string[] = [];
    let converged = true;
    let round = 0;
    let worker = await startWorker(settings, output);

    /** Counts a run and gives it its faults; the worker's requests are counted from zero again. */
    const nextRun = (policy: ConflictPolicy | undefined) => {
      m365.graph.admin.setFaults(faults(round));
      traffic.nextRun();
      round += 1;
      figures.runs += 1;
      if (policy) byPolicy[policy].runs += 1;
    };
    const countCollections = (outcome: Extract<ChaosWorkerMessage, { type: 'finished' }>) => {
      if (outcome.collections.events) collectionRuns.events += 1;
      if (outcome.collections.tasks) collectionRuns.tasks += 1;
    };
    /** The users stop; Graph keeps failing as before. The sync must get there on its own. */
    const settle = async (policy: ConflictPolicy | undefined) => {
      for (let attempt = 0; attempt < 8; attempt += 1) {
        nextRun(policy);
        const outcome = await worker.run();
        if (outcome !== 'killed') countCollections(outcome);
        if (outcome !== 'killed' && outcome.status === 'succeeded' && outcome.failedOperations === 0 && outcome.applied === 0) return;
      }
      converged = false;
    };

    // The first sync, killed where the seed says, then finished: every policy's edits start from a synced folder.
    await putPolicy('erp-wins');
    const firstKillAt = 1 + Math.floor(random() * 12);
    nextRun(undefined);
    traffic.stopAt(firstKillAt, async () => {
      await worker.kill();
      return false;
    });
    const first = await worker.run();
    await traffic.drained();
    if (first === 'killed') {
      figures.kills += 1;
      killsIn[killedIn(firstKillAt)] += 1;
      worker = await startWorker(settings, output);
    }
    await settle(undefined);

    for (const policy of conflictPolicies) {
      await putPolicy(policy);
      const figuresOf = byPolicy[policy];
      const conflictsBefore = new Set((await store.conflicts.listForUser(amelie)).map((conflict) => conflict.id));
      // Each contact is edited once per policy, so its edit's base is what both sides agreed on after the last settle.
      const edited = new Set<string>();
      const edits: ContactEdit[] = [];
      const editedActions = new Set<string>();
      const actionEdits: ActionEdit[] = [];
      const editSome = async (kinds: readonly ContactEditKind[], count: number, label: number) => {
        const inStep = await contactsInStep();
        for (let index = 0; index < count; index += 1) {
          const erpId = pick(editable.filter((id) => inStep.has(id) && !edited.has(id)));
          const contact = erpId === undefined ? undefined : inStep.get(erpId);
          const kind = pick(kinds);
          if (!erpId || !contact || !kind) return;
          edited.add(erpId);
          const edit = await makeEdit(kind, erpId, contact, { round: label, index }, random);
          if (!edit) continue;
          edits.push(edit);
          if (edit.erp) figures.erpEdits += 1;
          if (edit.outlook) figures.outlookEdits += 1;
          if (edit.erp && edit.outlook && sameFieldKinds.includes(edit.kind)) figuresOf.sameFieldEdits += 1;
          if (edit.erp && edit.outlook && sameListKinds.includes(edit.kind)) figuresOf.sameListEdits += 1;
        }
      };
      const editsBeforeRun = async () => {
        // Edits whose outcome depends on the policy or on their order land only between runs, where no write of the sync can come between them.
        await editSome(contactEditKinds, 3, round);
        await actionChaos.editSome(actionKindsBeforeRun, 2, round, editedActions, actionEdits);
        if (round % 5 === 2) {
          const created = await erp.createContact({ givenName: `Nouveau ${round}`, surname: 'Client', emails: [`nouveau.${round}@exemple.fr`] }, actor);
          editable.push(created.id);
          figures.erpCreates += 1;
        }
        if (round % 9 === 4 && erpDeletable.length) {
          const erpId = erpDeletable.shift() ?? '';
          await erp.deleteContact(erpId, actor);
          erpDeleted.push(erpId);
          figures.erpDeletes += 1;
        }
        if (round % 7 === 3 && outlookDeletable.length) {
          const erpId = outlookDeletable[0] ?? '';
          const item = folderContacts().find((contact) => parseErpTag(contact.tag)?.erpId === erpId);
          // A copy whose create lost its answer is not linked yet; deleted then, it cannot be told from a
          // create that never happened, and the sync creates it again. Amélie deletes a linked copy.
          const linked = (await store.links.listForUser(amelie, 'contact')).some((link) => link.erpId === erpId && link.outlookId === item?.id);
          if (item && linked) {
            outlookDeletable.shift();
            await deleteContact(graph.client, graph.mailbox, item.id);
            outlookDeleted.push(erpId);
            figures.outlookDeletes += 1;
          }
        }
      };
      /** The users keep working while the run goes: edits whose outcome does not depend on when the sync reads each side. */
      const editsDuringRun = async (label: number) => {
        await editSome(mergeableContactEditKinds, 1, label + 100);
        await actionChaos.editSome(mergeableActionKinds, 1, label + 100, editedActions, actionEdits);
      };

      for (let run = 0; run < runsPerPolicy; run += 1) {
        await editsBeforeRun();
        const label = round;
        // Every other run of a policy is killed at one of its first requests, so each policy meets kills; the others now and then,
        // and the rest in the middle of their events or tasks: at one of the first requests after that collection's first.
        const killAt = run % 2 === 1 || random() < killShare ? 1 + Math.floor(random() * 8) : undefined;
        const actionKill = killAt === undefined ? { collection: actionRandom() < 0.5 ? ('events' as const) : ('tasks' as const), after: Math.floor(actionRandom() * 4) } : undefined;
        // At one of the run's first requests, the world stops for the users' writes.
        const editAt = 1 + Math.floor(random() * 12);
        let editedDuringRun = false;
        nextRun(policy);
        traffic.stopAt(editAt, async () => {
          await editsDuringRun(label);
          editedDuringRun = true;
          return true;
        });
        let killed = false;
        const kill = async () => {
          await worker.kill();
          killed = true;
          return false;
        };
        if (killAt !== undefined) traffic.stopAt(killAt, kill);
        if (actionKill) {
          let reached = false;
          let after = actionKill.after;
          traffic.stopWhen((path) => {
            reached ||= collectionOfPath(path) === actionKill.collection;
            return reached && (after -= 1) < 0;
          }, async () => {
            killsIn[actionKill.collection] += 1;
            return kill();
          });
        }
        const outcome = await worker.run();
        await traffic.drained();
        // A run that ended (or died) before that request still meets the users' writes, after it.
        if (!editedDuringRun) await editsDuringRun(label);
        if (killed) {
          figures.kills += 1;
          figuresOf.kills += 1;
          if (killAt !== undefined) killsIn[killedIn(killAt)] += 1;
          worker = await startWorker(settings, output);
        }
        if (outcome !== 'killed') {
          countCollections(outcome);
          if (outcome.status === 'failed') figures.failedRuns += 1;
          figures.failedOperations += outcome.failedOperations;
          figures.adoptions += outcome.adopted;
        }
      }
      await settle(policy);

      const recordLost = (found: string[]) => {
        lost.push(...found.map((line) => `${policy}: ${line}`));
        figuresOf.lostEdits += found.length;
      };
      const newConflicts = async () => (await store.conflicts.listForUser(amelie)).filter((conflict) => !conflictsBefore.has(conflict.id));
      const checkConflicts = async (edit: ContactEdit, expected: ExpectedContact, status: 'open' | 'resolved') => {
        const recorded = (await newConflicts()).filter((conflict) => conflict.entity === 'contact' && conflict.erpId === edit.erpId);
        const wanted = expected.conflict;
        if (!wanted) {
          if (recorded.length) recordLost([`${edit.kind} ${edit.erpId}: no conflict expected, recorded ${JSON.stringify(recorded.map(({ field, erpValue, outlookValue }) => ({ field, erpValue, outlookValue })))}`]);
          return;
        }
        const normalize = (value: unknown) => normalizeSyncedContact({ emails: [], [wanted.field]: value })[wanted.field];
        const match = recorded.find(
          (conflict) => conflict.field === wanted.field && conflict.status === status && conflict.resolution === wanted.resolution
            && isDeepStrictEqual(conflict.erpValue, normalize(wanted.erpValue)) && isDeepStrictEqual(conflict.outlookValue, normalize(wanted.outlookValue)),
        );
        if (!match) recordLost([`${edit.kind} ${edit.erpId}.${wanted.field}: conflict ${JSON.stringify(wanted)} not on record (${JSON.stringify(recorded)})`]);
      };

      for (const edit of edits) {
        const expected = expectedContact(edit, policy);
        recordLost(await differences(edit, expected));
        await checkConflicts(edit, expected, policy === 'manual' ? 'open' : 'resolved');
      }
      const recordActionLost = (found: string[]) => actionLost.push(...found.map((line) => `${policy}: ${line}`));
      recordActionLost(await actionChaos.check(actionEdits, policy, await newConflicts(), policy === 'manual' ? 'open' : 'resolved'));
      if (policy === 'manual') {
        // Amélie settles each waiting conflict in the add-in; the next runs carry her choice to both sides.
        const decisions = new Map<string, 'erp' | 'outlook'>();
        for (const conflict of (await newConflicts()).filter((recorded) => recorded.status === 'open')) {
          const resolution = random() < 0.5 ? 'erp' : 'outlook';
          const answer = await api.app.request(`/api/me/conflicts/${conflict.id}/resolve`, {
            method: 'POST', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ resolution }),
          });
          expect(answer.status).toBe(200);
          decisions.set(`${conflict.entity}:${conflict.erpId}`, resolution);
        }
        await settle(policy);
        for (const edit of edits) {
          const decision = decisions.get(`contact:${edit.erpId}`);
          if (decision) recordLost(await differences(edit, expectedContact(edit, policy, decision)));
        }
        recordActionLost(await actionChaos.check(actionEdits, policy, [], 'resolved', decisions));
        const open = await api.app.request('/api/me/conflicts', { headers: { authorization: `Bearer ${api.token}` } });
        expect(((await open.json()) as { items: unknown[] }).items).toEqual([]);
      }
      const recorded = await newConflicts();
      figuresOf.conflicts = recorded.filter((conflict) => conflict.entity === 'contact').length;
      for (const [name, entity] of [['events', 'event'], ['tasks', 'task']] as const) {
        const ofEntity = recorded.filter((conflict) => conflict.entity === entity);
        actionChaos.figures[name].conflicts += ofEntity.length;
        // The same values of one field recorded more than once: one edit seen as a conflict again by a later run.
        actionChaos.figures[name].repeatedConflicts += ofEntity.length - new Set(ofEntity.map(({ erpId, field, erpValue, outlookValue }) => JSON.stringify([erpId, field, erpValue, outlookValue]))).size;
      }
    }
    await worker.kill();
    const injected = m365.graph.admin.counters().faults;
    m365.graph.admin.setFaults(undefined);

    const folder = folderContacts();
    const erpNow = await listAllErpContacts(erp);
    const erpById = new Map(erpNow.map((contact) => [contact.id, contact]));
    const deletedErpRecords = initial.filter((id) => !erpDeleted.includes(id) && !erpById.has(id)).length;
    const projection = new Map(erpNow.filter((contact) => !outlookDeleted.includes(contact.id)).map((contact) => {
      const { tag, fields } = projectErpContact(contact, environment);
      return [tag, fields];
    }));
    const duplicates = duplicatedTags(folder).length;
    const actionEnd = await actionChaos.finalCheck();
    const collection = (name: 'events' | 'tasks') => ({
      runs: collectionRuns[name], kills: killsIn[name], ...actionChaos.figures[name], duplicates: actionEnd.duplicates[name],
    });
    const summary = {
      ...figures, converged,
      faultsInjected: injected.throttled + injected.serviceUnavailable + injected.gatewayTimeout + injected.connectionReset + injected.slow,
      throttled: injected.throttled, serviceUnavailable: injected.serviceUnavailable, gatewayTimeouts: injected.gatewayTimeout, resets: injected.connectionReset, slow: injected.slow,
      duplicates, lostEdits: lost.length, deletedErpRecords, policies: byPolicy, contactKills: killsIn.contacts,
      events: collection('events'), tasks: collection('tasks'), deletedErpActions: actionEnd.deletedErpRecords, brokenActionRules: actionEnd.broken.length,
    };
    console.info(`CHAOS ${JSON.stringify(summary)}`);

    expect(converged).toBe(true);
    expect(duplicates).toBe(0);
    expect(lost).toEqual([]);
    expect(deletedErpRecords).toBe(0);
    expect(actionLost).toEqual([]);
    expect(actionEnd.broken).toEqual([]);
    expect(actionEnd.duplicates).toEqual({ events: 0, tasks: 0 });
    expect(actionEnd.deletedErpRecords).toBe(0);
    for (const name of ['events', 'tasks'] as const) {
      expect(actionChaos.figures[name].sameFieldEdits, `${name} edited on both sides in the same field`).toBeGreaterThan(3);
      expect(killsIn[name], `kills during ${name} runs`).toBeGreaterThan(0);
    }
    for (const policy of conflictPolicies) {
      expect(byPolicy[policy].kills, `kills under ${policy}`).toBeGreaterThan(1);
      expect(byPolicy[policy].sameFieldEdits + byPolicy[policy].sameListEdits, `edits of the same field or list under ${policy}`).toBeGreaterThan(1);
    }
    expect(new Map(folder.map((contact) => [contact.tag, { ...contact.fields, categories: undefined }]))).toEqual(projection);
  }, 300_000);
});
