import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../dev/m365/identity/demo-directory';
import { seededRandom } from '../../dev/m365/graph/seeded-random';
import { startMicrosoft365, type Microsoft365 } from '../../dev/m365/start-microsoft-365';
import { createTrustingFetch } from '../../server/auth/create-trusting-fetch';
import { createTrustingNetworkClient } from '../../server/auth/create-trusting-network-client';
import { parseConfig } from '../../server/config/load-config';
import { openDemoErp, type DemoErp } from '../../server/erp/demo/open-demo-erp';
import { createGraphAccess } from '../../server/jobs/create-graph-access';
import { openStore } from '../../server/store/open-store';
import type { Store } from '../../server/store/store';
import { ErpError } from '../../src/domain/erp-port';
import { parseErpTag } from '../../src/domain/parse-erp-tag';
import { projectErpContact } from '../../src/domain/project-erp-contact';
import { createContactFolder } from '../../src/graph/contacts/create-contact-folder';
import { deleteContact } from '../../src/graph/contacts/delete-contact';
import { updateContact } from '../../src/graph/contacts/update-contact';
import type { GraphClient } from '../../src/graph/create-graph-client';
import { SyncError } from '../../src/sync/sync-error';
import { duplicatedTags, listAllErpContacts, toFolderContact } from '../server/jobs/support/start-sync-world';
import type { ChaosWorkerMessage, ChaosWorkerSettings } from './support/chaos-worker-settings';
import { userRequestHeader, watchWorkerTraffic, type WorkerTraffic } from './support/watch-worker-traffic';

/**
 * Chaos (DESIGN §7, §8): seeded runs of a two-way contact sync while Graph answers ~10% 429 (short
 * Retry-After), ~5% 5xx, some resets and slow answers the client gives up on, the ERP and Outlook
 * users edit and delete concurrently, and the sync process is SIGKILLed at a random request count
 * and started again. At the end the folder must equal the ERP projection, with no duplicate, no
 * lost edit on either side and no ERP record deleted by the sync.
 *
 * Everything random comes from the seed, and every race is placed by request count, not by timers:
 * the same seed replays the same runs, kills and figures (the `CHAOS` line), on any machine.
 */
const seed = Number(process.env.CHAOS_SEED ?? 20261102);
const chaosRuns = Number(process.env.CHAOS_RUNS ?? 22);
const killShare = 0.4;
const erpContacts = 60;

const environment = 'fabrikam';
const amelie = { tenantId: demoIds.fabrikamTenantId, objectId: demoIds.amelieObjectId };
const actor = { email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com' };
/** A slow answer outlasts the worker's patience; any other, however loaded the machine, comes well within it. */
const requestTimeoutMs = 2_000;
const faults = (run: number) => ({
  seed: seed + run, throttledShare: 0.1, serviceUnavailableShare: 0.03, gatewayTimeoutShare: 0.02, connectionResetShare: 0.02,
  slowShare: 0.01, slowMs: requestTimeoutMs + 1_000, retryAfterSeconds: 0.05,
});

type ErpSideField = 'jobTitle' | 'businessPhone';
type OutlookSideField = 'mobilePhone' | 'notes';
const editedFields: readonly (ErpSideField | OutlookSideField)[] = ['jobTitle', 'businessPhone', 'mobilePhone', 'notes'];

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

beforeAll(async () => {
  m365 = await startMicrosoft365({ https: true });
  directory = mkdtempSync(join(tmpdir(), 'contact-sync-chaos-'));
  const certificateFile = join(directory, 'm365.pem');
  writeFileSync(certificateFile, m365.certificate ?? '');
  const storeFile = join(directory, 'bridge.db');
  const erpFile = join(directory, 'erp.db');
  erp = await openDemoErp({ file: erpFile, seed: { seed, contacts: erpContacts, salespeople: [{ email: actor.email, displayName: 'Amélie Dubois' }] } });
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
  await store.settings.put(amelie, { enabled: true, contactFolderId: folderId, actionsEnabled: false, todoListName: 'ERP', contacts: 'two-way', conflicts: 'erp-wins', events: 'off', eventConflicts: 'erp-wins', tasks: 'off', taskConflicts: 'erp-wins' }, now);
  settings = {
    environment, tenantId: amelie.tenantId, applicationId: demoIds.fabrikamBridgeClientId, clientSecret: demoIds.fabrikamBridgeClientSecret, objectId: amelie.objectId,
    authority: m365.identity.url, graphBaseUrl: `${m365.graph.url}/v1.0`, certificateFile, storeFile, erpFile, requestTimeoutMs,
  };
});

afterAll(async () => {
  await Promise.all([erp?.close(), store?.close(), m365?.close()]);
  rmSync(directory, { recursive: true, force: true });
});

const folderContacts = () => m365.graph.admin.readMailbox(amelie.objectId).contacts.filter((contact) => contact.parentFolderId === folderId).map(toFolderContact);

/** Retries what a busy shared SQLite file or a stale version refuses, as a user would. */
async function editErp(erpId: string, change: (version: number) => Parameters<DemoErp['updateContact']>[1]): Promise<boolean> {
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

describe('contact sync under chaos', () => {
  it(`keeps the folder equal to the ERP over ${chaosRuns} seeded runs with faults and kills: no duplicate, no lost edit, no ERP record deleted`, async () => {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    const output: string[] = [];
    const initial = (await listAllErpContacts(erp)).map((contact) => contact.id).sort();
    // Separate pools, so each expectation has one author: ERP deletes, Outlook deletes, edits on both sides.
    const erpDeletable = initial.slice(0, 2);
    const outlookDeletable = initial.slice(2, 5);
    const editable = initial.slice(5);
    const expected = new Map<string, Partial<Record<ErpSideField | OutlookSideField, string>>>();
    const expect_ = (erpId: string, field: ErpSideField | OutlookSideField, value: string) => expected.set(erpId, { ...expected.get(erpId), [field]: value });
    const erpDeleted: string[] = [];
    const outlookDeleted: string[] = [];
    const figures = { runs: 0, kills: 0, failedRuns: 0, failedOperations: 0, adoptions: 0, erpEdits: 0, outlookEdits: 0, erpCreates: 0, erpDeletes: 0, outlookDeletes: 0 };

    const editErpSide = async (round: number, index: number) => {
      const erpId = pick(editable);
      if (!erpId) return;
      const field: ErpSideField = random() < 0.5 ? 'jobTitle' : 'businessPhone';
      const value = field === 'jobTitle' ? `Puesto ${round}.${index}` : `+33 1 40 00 ${String(round).padStart(2, '0')} ${String(index).padStart(2, '0')}`;
      if (await editErp(erpId, (version) => (field === 'jobTitle' ? { jobTitle: value, version } : { businessPhone: value, version }))) {
        expect_(erpId, field, value);
        figures.erpEdits += 1;
      }
    };
    const editOutlookSide = async (round: number, index: number) => {
      const byErpId = new Map(folderContacts().map((contact) => [parseErpTag(contact.tag)?.erpId, contact]));
      const erpId = pick(editable.filter((id) => byErpId.has(id)));
      const item = erpId === undefined ? undefined : byErpId.get(erpId);
      if (!erpId || !item) return;
      const field: OutlookSideField = random() < 0.5 ? 'mobilePhone' : 'notes';
      const value = field === 'mobilePhone' ? `+33 6 12 ${String(round).padStart(2, '0')} ${String(index).padStart(2, '0')} 00` : `Note ${round}.${index} de Amélie`;
      try {
        await updateContact(graph.client, graph.mailbox, item.id, field === 'mobilePhone' ? { mobilePhone: value } : { personalNotes: value });
        expect_(erpId, field, value);
        figures.outlookEdits += 1;
      } catch (error) {
        if (!(error instanceof SyncError)) throw error;
      }
    };
    /** Most edits land before the run, so it has work to be killed in; one per side lands in the middle of it. */
    const editsDuringRun = async (round: number) => {
      await editErpSide(round, 9);
      await editOutlookSide(round, 9);
    };
    const editsBeforeRun = async (round: number) => {
      for (let index = 0; index < 2; index += 1) {
        await editErpSide(round, index);
        await editOutlookSide(round, index);
      }
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

    let worker = await startWorker(settings, output);
    for (let round = 0; round < chaosRuns; round += 1) {
      m365.graph.admin.setFaults(faults(round));
      if (round > 0) await editsBeforeRun(round);
      const killAt = random() < killShare ? 1 + Math.floor(random() * 12) : undefined;
      // The users keep working while the run goes: at one of its first requests, the world stops for their writes.
      const editAt = 1 + Math.floor(random() * 12);
      let editedDuringRun = false;
      traffic.nextRun();
      traffic.stopAt(editAt, async () => {
        await editsDuringRun(round);
        editedDuringRun = true;
        return true;
      });
      let killed = false;
      if (killAt !== undefined) {
        traffic.stopAt(killAt, async () => {
          await worker.kill();
          killed = true;
          return false;
        });
      }
      const outcome = await worker.run();
      await traffic.drained();
      // A run that ended (or died) before that request still meets the users' writes, after it.
      if (!editedDuringRun) await editsDuringRun(round);
      if (killed) {
        figures.kills += 1;
        worker = await startWorker(settings, output);
      }
      figures.runs += 1;
      if (outcome !== 'killed') {
        if (outcome.status === 'failed') figures.failedRuns += 1;
        figures.failedOperations += outcome.failedOperations;
        figures.adoptions += outcome.adopted;
      }
    }

    // The users stop; Graph keeps failing as before. The sync must get there on its own.
    let converged = false;
    for (let round = chaosRuns; round < chaosRuns + 8 && !converged; round += 1) {
      m365.graph.admin.setFaults(faults(round));
      traffic.nextRun();
      const outcome = await worker.run();
      figures.runs += 1;
      converged = outcome !== 'killed' && outcome.status === 'succeeded' && outcome.failedOperations === 0 && outcome.applied === 0;
    }
    await worker.kill();
    const injected = m365.graph.admin.counters().faults;
    m365.graph.admin.setFaults(undefined);

    const folder = folderContacts();
    const erpNow = await listAllErpContacts(erp);
    const erpById = new Map(erpNow.map((contact) => [contact.id, contact]));
    const copies = new Map(folder.map((contact) => [parseErpTag(contact.tag)?.erpId, contact]));
    const lost: string[] = [];
    for (const [erpId, fields] of expected) {
      for (const field of editedFields) {
        const value = fields[field];
        if (value === undefined) continue;
        if (erpById.get(erpId)?.[field] !== value) lost.push(`ERP ${erpId}.${field}: ${value} became ${String(erpById.get(erpId)?.[field])}`);
        if (copies.get(erpId)?.fields[field] !== value) lost.push(`Outlook ${erpId}.${field}: ${value} became ${String(copies.get(erpId)?.fields[field])}`);
      }
    }
    const lostEdits = lost.length;
    const deletedErpRecords = initial.filter((id) => !erpDeleted.includes(id) && !erpById.has(id)).length;
    const projection = new Map(erpNow.filter((contact) => !outlookDeleted.includes(contact.id)).map((contact) => {
      const { tag, fields } = projectErpContact(contact, environment);
      return [tag, fields];
    }));
    const duplicates = duplicatedTags(folder).length;
    const summary = {
      ...figures, converged,
      faultsInjected: injected.throttled + injected.serviceUnavailable + injected.gatewayTimeout + injected.connectionReset + injected.slow,
      throttled: injected.throttled, serviceUnavailable: injected.serviceUnavailable, gatewayTimeouts: injected.gatewayTimeout, resets: injected.connectionReset, slow: injected.slow,
      duplicates, lostEdits, deletedErpRecords,
    };
    console.info(`CHAOS ${JSON.stringify(summary)}`);

    expect(converged).toBe(true);
    expect(duplicates).toBe(0);
    expect(lost).toEqual([]);
    expect(deletedErpRecords).toBe(0);
    expect(figures.kills).toBeGreaterThan(0);
    expect(new Map(folder.map((contact) => [contact.tag, { ...contact.fields, categories: undefined }]))).toEqual(projection);
  }, 300_000);
});
