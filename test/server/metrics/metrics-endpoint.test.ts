import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { startMicrosoft365, type Microsoft365 } from '../../../dev/m365/start-microsoft-365';
import { parseConfig } from '../../../server/config/load-config';
import { startBridge, type RunningBridge } from '../../../server/main';
import { bridgeToken } from '../support/bridge-token';

const lucia = { email: 'lucia.martinez@contosoiberica.onmicrosoft.com', displayName: 'Lucía Martínez García' };
const metricsToken = 'metrics-test-token-0123456789';
const secrets = { METRICS_TEST_CLIENT_SECRET: demoIds.bridgeClientSecret, METRICS_TEST_STORE_KEY: Buffer.alloc(32, 5).toString('base64'), METRICS_TEST_TOKEN: metricsToken };

let m365: Microsoft365;
let bridge: RunningBridge;
let directory: string;
let certificateFile: string;
let token: string;

beforeAll(async () => {
  Object.assign(process.env, secrets);
  m365 = await startMicrosoft365({ https: true });
  directory = mkdtempSync(join(tmpdir(), 'bridge-metrics-'));
  certificateFile = join(directory, 'm365.pem');
  writeFileSync(certificateFile, m365.certificate ?? '');
  bridge = await startBridge(configWith({ port: 0, token: { env: 'METRICS_TEST_TOKEN' } }), { logger: pino({ level: 'silent' }) });
  token = await bridgeToken(m365, m365.certificate ?? '', lucia.email, demoIds.bridgeClientId);
}, 60_000);
afterAll(async () => {
  await bridge.close();
  await m365.close();
  rmSync(directory, { recursive: true, force: true });
  for (const name of Object.keys(secrets)) Reflect.deleteProperty(process.env, name);
});

/** The bridge's configuration against the local Microsoft 365, with `metrics` as given. */
function configWith(metrics: object) {
  return parseConfig({
    environments: [
      {
        environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, clientSecret: { env: 'METRICS_TEST_CLIENT_SECRET' },
        erp: { adapter: 'demo', file: ':memory:', contacts: 30, salespeople: [lucia] },
      },
    ],
    server: { port: 0 },
    identity: { authority: m365.identity.url, trustedCertificateFile: certificateFile },
    graph: { baseUrl: `${m365.graph.url}/v1.0`, trustedCertificateFile: certificateFile },
    store: { url: 'sqlite::memory:', encryptionKey: { env: 'METRICS_TEST_STORE_KEY' } },
    jobs: { intervalMinutes: 0 },
    metrics,
  });
}

const api = async <T>(path: string, init: { method?: string; body?: object } = {}): Promise<T> => {
  const answer = await fetch(`${bridge.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  if (!answer.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
};

const scrape = async (url = bridge.metricsUrl ?? '') => {
  const answer = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  expect(answer.status).toBe(200);
  return answer.text();
};

/** A sample's value in the Prometheus text format: `name{labels} value`, labels in the order declared. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};
const sum = (text: string, name: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);

async function chooseFolder(displayName: string): Promise<string> {
  const folder = await api<{ id: string }>('/api/me/contact-folders', { method: 'POST', body: { displayName } });
  await api('/api/me/settings', { method: 'PUT', body: { enabled: true, contactFolderId: folder.id, contactFolderName: displayName, contacts: 'erp-to-outlook' } });
  return folder.id;
}

async function syncNow(): Promise<{ status: string }> {
  const { runId } = await api<{ runId: string }>('/api/me/sync/runs', { method: 'POST', body: {} });
  return vi.waitFor(
    async () => {
      const run = await api<{ status: string }>(`/api/me/sync/runs/${runId}`);
      if (run.status === 'queued' || run.status === 'running') throw new Error(`run is ${run.status}`);
      return run;
    },
    { timeout: 30_000, interval: 50 },
  );
}

describe('/metrics of a bridge with metrics.port and metrics.token', () => {
  it('counts a real contact sync run: the run, the contacts created in Outlook and every Graph request the emulator admitted', async () => {
    await api('/api/admin/activation', { method: 'PUT', body: { syncActivated: true, applicationId: demoIds.bridgeClientId } });
    await api('/api/me/sync/connect', { method: 'POST' });
    const folderId = await chooseFolder('ERP');
    const before = await scrape();
    m365.graph.admin.resetCounters();

    expect(await syncNow()).toMatchObject({ status: 'succeeded' });

    const after = await scrape();
    const created = m365.graph.admin.readMailbox(demoIds.luciaObjectId).contacts.filter((contact) => contact.parentFolderId === folderId).length;
    expect(created).toBe(30);
    expect(sample(after, 'erp_bridge_sync_runs_total{collection="contacts",result="succeeded"}')).toBe(1);
    expect(sample(after, 'erp_bridge_sync_items_written_total{collection="contacts",side="outlook",operation="create"}')).toBe(created);
    expect(sample(after, 'erp_bridge_sync_items_written_total{collection="contacts",side="erp",operation="update"}')).toBe(0);
    const admitted = m365.graph.admin.counters().mailboxes[demoIds.luciaObjectId]?.requests ?? 0;
    expect(admitted).toBeGreaterThan(0);
    expect(sum(after, 'erp_bridge_graph_requests_total') - sum(before, 'erp_bridge_graph_requests_total')).toBe(admitted);
    expect(sum(after, 'erp_bridge_graph_throttled_total')).toBe(0);
    expect(sample(after, 'erp_bridge_sync_queue_depth')).toBe(0);
    // prom-client's process metrics come along.
    expect(after).toContain('process_cpu_seconds_total');
    expect(after).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts every 429 the emulator answered, $batch items included, under the budget state the request went with', async () => {
    await chooseFolder('ERP 2');
    const before = await scrape();
    m365.graph.admin.resetCounters();
    m365.graph.admin.setFaults({ seed: 3, throttledShare: 0.2, retryAfterSeconds: 0.05 });

    await syncNow().finally(() => m365.graph.admin.setFaults(undefined));

    const after = await scrape();
    const counters = m365.graph.admin.counters();
    const answered429 = counters.faults.throttled + counters.throttled;
    expect(answered429).toBeGreaterThan(0);

    expect(sum(after, 'erp_bridge_graph_throttled_total') - sum(before, 'erp_bridge_graph_throttled_total')).toBe(answered429);
    // A retry after Retry-After waits for the mailbox's pause: it goes as throttled.
    expect(sample(after, 'erp_bridge_graph_requests_total{budget_state="throttled"}')).toBeGreaterThan(0);
  });

  it('carries no user, email, tenant, environment or folder in any label', async () => {
    const text = await scrape();
    const folders = m365.graph.admin.readMailbox(demoIds.luciaObjectId).contacts.map((contact) => contact.parentFolderId);

    for (const personal of [demoIds.luciaObjectId, lucia.email, 'lucia', demoIds.contosoTenantId, demoIds.bridgeClientId, 'contoso', ...new Set(folders)]) {
      expect(text.toLowerCase()).not.toContain(String(personal).toLowerCase());
    }
  });

  it('serves the metrics listener on loopback, and refuses a scrape without the token or with a wrong one', async () => {
    expect(bridge.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const url of [bridge.metricsUrl ?? '', bridge.url]) {
      const missing = await fetch(`${url}/metrics`);
      const wrong = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}x` } });
      for (const refused of [missing, wrong]) {
        expect(refused.status).toBe(401);
        expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
        expect(await refused.text()).not.toContain('erp_bridge');
      }
    }
    expect(await scrape(bridge.url)).toContain('erp_bridge_sync_runs_total');
  });

  it('keeps /metrics out of the OpenAPI document, and the metrics listener serves nothing else', async () => {
    const document = (await (await fetch(`${bridge.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).not.toContain('/metrics');
    const elsewhere = await fetch(`${bridge.metricsUrl ?? ''}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('/metrics of a bridge without metrics.token', () => {
  it('answers 404 on the server’s port whatever the caller sends, while the metrics listener serves without a token', async () => {
    const portOnly = await startBridge(configWith({ port: 0 }), { logger: pino({ level: 'silent' }) });
    try {
      for (const headers of [new Headers(), new Headers({ authorization: `Bearer ${metricsToken}` })]) {
        const refused = await fetch(`${portOnly.url}/metrics`, { headers });
        expect(refused.status).toBe(404);
        expect(await refused.text()).not.toContain('erp_bridge');
      }
      expect(await (await fetch(`${portOnly.metricsUrl ?? ''}/metrics`)).text()).toContain('erp_bridge_graph_requests_total');
    } finally {
      await portOnly.close();
    }
  });

  it('warns at start when its listener is reachable beyond the host and asks for no token', async () => {
    const logged: string[] = [];
    const capture = (lines: string[]) => pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const open = await startBridge(configWith({ port: 0, host: '0.0.0.0' }), { logger: capture(logged) });
    await open.close();
    const quiet: string[] = [];
    const loopback = await startBridge(configWith({ port: 0 }), { logger: capture(quiet) });
    await loopback.close();

    expect(logged.join('\n')).toContain('metrics: the listener is reachable beyond this host and asks for no token');
    expect(quiet.join('\n')).not.toContain('metrics:');
  });

  it('serves no metrics at all by default', async () => {
    const plain = await startBridge(configWith({}), { logger: pino({ level: 'silent' }) });
    try {
      expect(plain.metricsUrl).toBeUndefined();
      const refused = await fetch(`${plain.url}/metrics`);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual({ code: 'not_found', message: 'no route for GET /metrics' });
    } finally {
      await plain.close();
    }
  });

  it('refuses to start with a token shorter than 16 characters', async () => {
    process.env.METRICS_TEST_SHORT_TOKEN = 'short';
    try {
      await expect(startBridge(configWith({ token: { env: 'METRICS_TEST_SHORT_TOKEN' } }), { logger: pino({ level: 'silent' }) })).rejects.toThrow('metrics.token');
    } finally {
      Reflect.deleteProperty(process.env, 'METRICS_TEST_SHORT_TOKEN');
    }
  });
});
