import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InspectedContact } from '../../dev/m365/graph/graph-emulator-admin';
import { demoIds } from '../../dev/m365/identity/demo-directory';
import { startMicrosoft365, type Microsoft365 } from '../../dev/m365/start-microsoft-365';
import { openDemoErp } from '../../server/erp/demo/open-demo-erp';
import { openStore } from '../../server/store/open-store';
import type { Store, UserKey } from '../../server/store/store';
import { formatErpTag } from '../../src/domain/format-erp-tag';

const environment = 'fabrikam';
const secretVariable = 'FLEET_FABRIKAM_CLIENT_SECRET';
const bridgeEntry = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

export interface FleetOptions {
  /** The PostgreSQL database the bridges share (store and job queue). */
  storeUrl: string;
  mailboxes: number;
  /** ERP contacts, all in every mailbox's scope. */
  contacts: number;
  /** Minutes between two passes of the schedule; 0 leaves passes to `queueDueMailboxes` of a queueing engine. */
  intervalMinutes: number;
  runLeaseSeconds: number;
  maxConcurrentRuns: number;
}

/** A mailbox of the fleet's tenant with its ERP folder. */
export interface FleetMailbox {
  user: UserKey;
  folderId: string;
}

/** What one bridge process's log says of a run. */
export interface FleetRun {
  runId: string;
  objectId: string;
  bridge: string;
  startedAt: number;
  /** The run's log said it ended (`succeeded`, `failed`, `waiting_confirmation`). */
  finished?: { at: number; status: string };
}

export interface FleetBridge {
  name: string;
  /** Runs this process has started, in the order its log told them. */
  runs: FleetRun[];
  /** Runs started and not finished. */
  inFlight(): FleetRun[];
  /** CPU time the process has used so far (user and system), from /proc: Linux only. */
  cpuSeconds(): number;
  /** SIGKILL: the process ends with no chance to clean up. */
  kill(): Promise<void>;
  /** SIGTERM: the bridge stops as an operator stops it, waiting for its runs. */
  stop(): Promise<void>;
}

export interface BridgeFleet {
  m365: Microsoft365;
  store: Store;
  environment: string;
  mailboxes: FleetMailbox[];
  /** Starts one more bridge process (`server/main.ts` on a configuration file), resolved once it listens. */
  startBridge(name: string): Promise<FleetBridge>;
  /** The ERP folder's contacts of a mailbox, as the emulator holds them. */
  folderContacts(mailbox: FleetMailbox): InspectedContact[];
  /** The ERP tag of each contact the fleet's ERP holds, which every folder should hold once. */
  expectedTags(): Promise<Set<string>>;
  /** Every bridge process still running is killed, then the store, ERP file and Microsoft 365 are closed. */
  close(): Promise<void>;
}

const logLineOf = (line: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    // Not a log line of the bridge's (tsx or Node warnings): kept in the output only.
    return undefined;
  }
};

/**
 * Bridges as separate OS processes on one PostgreSQL store and job queue (`jobs.engine: pg-boss`),
 * each the production entry (`server/main.ts`) on a configuration file, against the local
 * Microsoft 365 in this process: `mailboxes` app-only mailboxes of Fabrikam with sync on and an ERP
 * folder each, and one demo ERP file of `contacts` contacts that every bridge opens. What each
 * bridge runs is read from its log (`mailbox sync run started` / `finished`).
 */
export async function startBridgeFleet(options: FleetOptions): Promise<BridgeFleet> {
  const directory = mkdtempSync(join(tmpdir(), 'bridge-fleet-'));
  const m365 = await startMicrosoft365({ https: true });
  const certificateFile = join(directory, 'm365.pem');
  writeFileSync(certificateFile, m365.certificate ?? '');
  const erpFile = join(directory, 'erp.db');
  const erp = await openDemoErp({ file: erpFile, seed: { seed: 7, contacts: options.contacts, actionsPerContact: 0 } });
  const store = await openStore(options.storeUrl);
  /** Each bridge process still running, and its exit. */
  const children = new Map<ChildProcess, Promise<void>>();

  const now = new Date().toISOString();
  await store.activations.put({ environment, syncActivated: true, applicationId: demoIds.fabrikamBridgeClientId, changedBy: 'admin@fabrikamfrance.onmicrosoft.com', changedAt: now });
  const mailboxes: FleetMailbox[] = [];
  for (let index = 1; index <= options.mailboxes; index += 1) {
    const objectId = randomUUID();
    const email = `vendeur.${index}@fabrikamfrance.onmicrosoft.com`;
    const seeded = m365.graph.admin.addMailbox(demoIds.fabrikamTenantId, { id: objectId, userPrincipalName: email, displayName: `Vendeur ${index}`, contactFolders: [{ displayName: 'ERP' }] });
    const folderId = seeded.folders.find((folder) => folder.displayName === 'ERP')?.id;
    if (!folderId) throw new Error(`mailbox ${email} has no ERP folder`);
    const user = { tenantId: demoIds.fabrikamTenantId, objectId };
    await store.users.upsert({ ...user, environment, email, displayName: `Vendeur ${index}` }, now);
    await store.settings.put(user, {
      enabled: true, contactFolderId: folderId, actionsEnabled: false, todoListName: 'ERP', contacts: 'erp-to-outlook', conflicts: 'erp-wins',
      events: 'off', eventConflicts: 'erp-wins', tasks: 'off', taskConflicts: 'erp-wins',
    }, now);
    mailboxes.push({ user, folderId });
  }

  const configFile = join(directory, 'bridge.config.json');
  writeFileSync(configFile, JSON.stringify({
    environments: [{
      environment, tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, mode: 'app-only',
      clientSecret: { env: secretVariable }, erp: { adapter: 'demo', file: erpFile, contacts: options.contacts },
    }],
    server: { port: 0 },
    identity: { authority: m365.identity.url, trustedCertificateFile: certificateFile },
    graph: { baseUrl: `${m365.graph.url}/v1.0`, trustedCertificateFile: certificateFile },
    store: { url: options.storeUrl },
    jobs: { engine: 'pg-boss', intervalMinutes: options.intervalMinutes, maxConcurrentRuns: options.maxConcurrentRuns, runLeaseSeconds: options.runLeaseSeconds },
    log: { level: 'info' },
  }, null, 2));

  async function startBridge(name: string): Promise<FleetBridge> {
    const child = fork(bridgeEntry, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BRIDGE_CONFIG: configFile, [secretVariable]: demoIds.fabrikamBridgeClientSecret },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    children.set(child, exited);
    void exited.then(() => children.delete(child));
    const runs: FleetRun[] = [];
    const byId = new Map<string, FleetRun>();
    const output: string[] = [];
    let listening = () => {};
    const listened = new Promise<void>((resolve) => (listening = resolve));
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        if (output.length > 200) output.shift();
        const log = logLineOf(line);
        if (!log) continue;
        const at = typeof log.time === 'number' ? log.time : Date.now();
        if (log.msg === 'bridge listening') listening();
        if (log.msg === 'mailbox sync run started' && typeof log.runId === 'string' && typeof log.user === 'string') {
          const run = { runId: log.runId, objectId: log.user, bridge: name, startedAt: at };
          runs.push(run);
          byId.set(run.runId, run);
        }
        const run = typeof log.runId === 'string' ? byId.get(log.runId) : undefined;
        if (run && (log.msg === 'mailbox sync run finished' || log.msg === 'mailbox sync run failed')) {
          run.finished = { at, status: typeof log.status === 'string' ? log.status : 'failed' };
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    await Promise.race([
      listened,
      exited.then(() => {
        throw new Error(`bridge ${name} exited before it listened:\n${output.join('\n').slice(-3000)}`);
      }),
    ]);
    return {
      name, runs,
      inFlight: () => runs.filter((run) => !run.finished),
      cpuSeconds() {
        // Fields 14 and 15 of /proc/<pid>/stat, after the command in parentheses: user and system time in clock ticks (100 a second on Linux).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      },
      async kill() {
        child.kill('SIGKILL');
        await exited;
      },
      async stop() {
        child.kill('SIGTERM');
        await exited;
      },
    };
  }

  return {
    m365, store, environment, mailboxes, startBridge,
    folderContacts: (mailbox) => m365.graph.admin.readMailbox(mailbox.user.objectId).contacts.filter((contact) => contact.parentFolderId === mailbox.folderId),
    async expectedTags() {
      const tags = new Set<string>();
      for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
        const page = await erp.searchContacts({ limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
        for (const contact of page.items) tags.add(formatErpTag(environment, contact.id));
        cursor = page.nextCursor;
      }
      return tags;
    },
    async close() {
      const exits = [...children].map(([child, exited]) => {
        child.kill('SIGKILL');
        return exited;
      });
      await Promise.all(exits);
      await Promise.all([store.close(), erp.close(), m365.close()]);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
