import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoDirectory, demoIds } from '../../dev/m365/identity/demo-directory';
import type { IdentityDirectory } from '../../dev/m365/identity/identity-directory';
import { microsoftGraphCommandLineTools } from '../../dev/m365/identity/microsoft-graph-command-line-tools';
import { startMicrosoft365, type Microsoft365 } from '../../dev/m365/start-microsoft-365';
import { createTrustingFetch } from '../../server/auth/create-trusting-fetch';
import { loadConfigFile } from '../../server/config/load-config';
import { openDemoErp } from '../../server/erp/demo/open-demo-erp';
import { startBridge, type RunningBridge } from '../../server/main';
import { parseEntraAppArguments } from '../../scripts/entra/entra-app-arguments';
import { registerEntraApp, type RegistrationResult } from '../../scripts/entra/register-entra-app';
import { projectErpContact } from '../../src/domain/project-erp-contact';
import { listAllErpContacts, toFolderContact } from '../server/jobs/support/start-sync-world';

/**
 * docs/admin-guide.md, followed in order on the local Microsoft 365: a tenant where nothing of the
 * bridge exists yet, the registration by command, admin consent through the printed link, the
 * bridge started on the written configuration, sync turned on by the admin, and a salesperson's
 * ERP contacts in their Outlook folder. Each test is a section of the guide and builds on the one
 * before.
 */

const lucia = { email: 'lucia.martinez@contosoiberica.onmicrosoft.com', objectId: demoIds.luciaObjectId };
const inigo = { email: 'inigo.urrutia@contosoiberica.onmicrosoft.com', objectId: demoIds.inigoObjectId };
const publicUrl = 'https://bridge.contoso.test';
const environment = 'contoso';

/** The demo tenants and their people, with no app registration of the bridge, no role and no consent. */
const emptyTenant: IdentityDirectory = {
  tenants: demoDirectory.tenants,
  applications: [microsoftGraphCommandLineTools],
  users: demoDirectory.users.map((user) => ({ ...user, appRoleAssignments: [] })),
  consents: [],
};

let m365: Microsoft365;
let browser: ReturnType<typeof createTrustingFetch>;
let folder: string;
let bridge: RunningBridge | undefined;
let registration: RegistrationResult;
let printed: string[];
let startedAt: number;
let adminToken: string;

beforeAll(async () => {
  startedAt = performance.now();
  m365 = await startMicrosoft365({ https: true, directory: emptyTenant, deviceCodeIntervalSeconds: 1 });
  browser = createTrustingFetch(m365.certificate ?? '');
  folder = mkdtempSync(join(tmpdir(), 'admin-guide-'));
  // Where the bridge will run: a configuration that points at the stand-in instead of Entra ID and Graph (docs/configuration.md).
  writeFileSync(join(folder, 'm365.pem'), m365.certificate ?? '');
  writeFileSync(
    join(folder, 'bridge.config.json'),
    JSON.stringify({
      identity: { authority: m365.identity.url, trustedCertificateFile: 'm365.pem' },
      graph: { baseUrl: `${m365.graph.url}/v1.0`, trustedCertificateFile: 'm365.pem' },
      server: { port: 0 },
      log: { level: 'silent' },
      environments: [],
    }),
  );
});

afterAll(async () => {
  await bridge?.close();
  await m365?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
  console.log(`docs/admin-guide.md, from an empty tenant to synced contacts: ${Math.round(performance.now() - startedAt)} ms`);
});

/**
 * What a browser does on one of the stand-in's sign-in pages: opens it, fills the visible fields,
 * keeps the form's hidden ones and submits it with the Accept button. Redirects are not followed:
 * the answer is the page's own.
 */
async function acceptOnPage(pageUrl: string, fields: { username: string; password: string }): Promise<Response> {
  const page = await browser(pageUrl);
  expect(page.status).toBe(200);
  const window = new Window({ url: pageUrl });
  try {
    const document = new window.DOMParser().parseFromString(await page.text(), 'text/html');
    const form = document.querySelector('form[method="post"]');
    if (!form) throw new Error(`no sign-in form on ${pageUrl}`);
    const hidden = [...form.querySelectorAll('input[type="hidden"]')].map((input) => [input.getAttribute('name') ?? '', input.getAttribute('value') ?? '']);
    const body = new URLSearchParams([...hidden, ['username', fields.username], ['password', fields.password], ['decision', 'accept']]);
    return await browser(new URL(form.getAttribute('action') ?? '', pageUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  } finally {
    await window.happyDOM.close();
  }
}

/** A person's token for the bridge's API, as Outlook gets it for the add-in (the app's confidential client). */
async function bridgeToken(username: string): Promise<string> {
  const secret = readFileSync(join(folder, `secrets/${environment}.client-secret`), 'utf8').trim();
  const answer = await browser(`${m365.identity.url}/${registration.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: registration.applicationId,
      client_secret: secret,
      username,
      password: demoIds.password,
      scope: `api://${new URL(publicUrl).host}/${registration.applicationId}/access_as_user`,
    }).toString(),
  });
  const body = (await answer.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) throw new Error(`${username} could not sign in to the bridge: ${body.error_description ?? answer.status}`);
  return body.access_token;
}

async function callBridge<T>(path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  if (!bridge) throw new Error('the bridge is started in section 3');
  const response = await fetch(`${bridge.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('docs/admin-guide.md on an empty tenant', () => {
  it('1. Register the bridge in Microsoft Entra ID: `npm run entra:app -- --env NAME --url https://host`', async () => {
    printed = [];
    const signIns: Promise<Response>[] = [];
    const result = await registerEntraApp(
      parseEntraAppArguments(['--env', environment, '--url', publicUrl]),
      {
        print(text) {
          printed.push(text);
          // The admin opens the printed page in a browser and types the printed code.
          const prompt = /open the page (\S+) and enter the code (\w+)/.exec(text);
          if (prompt) signIns.push(acceptOnPage(`${prompt[1]}?user_code=${prompt[2]}`, { username: lucia.email, password: demoIds.password }));
        },
      },
      folder,
    );
    expect(signIns).toHaveLength(1);
    expect((await Promise.all(signIns))[0]?.status).toBe(200);
    if (!result) throw new Error('the command registered nothing');
    registration = result;

    expect(registration.tenantId).toBe(demoIds.contosoTenantId);
    expect(m365.identity.directory.applications.map((app) => app.clientId)).toContain(registration.applicationId);
    expect(loadConfigFile(join(folder, 'bridge.config.json')).config.environments).toEqual([
      expect.objectContaining({ environment, applicationId: registration.applicationId, tenantId: demoIds.contosoTenantId, mode: 'delegated', admins: [lucia.objectId] }),
    ]);
  });

  it('2.1 Admin consent: the link the command printed, accepted by an administrator', async () => {
    expect(printed.join('\n')).toContain(registration.adminConsentUrl);
    await expect(bridgeToken(inigo.email)).rejects.toThrow(/consent/i);

    const answer = await acceptOnPage(registration.adminConsentUrl, { username: lucia.email, password: demoIds.password });

    expect(answer.status).toBe(302);
    const back = new URL(answer.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe(`${publicUrl}/taskpane.html`);
    expect(back.searchParams.get('admin_consent')).toBe('True');
  });

  it('3.1 Configuration and 3.3 Build and start: the encryption key of the store, then the bridge on the written file', async () => {
    // The environment keeps the demo ERP the command gave it; the store gets its block. "Make the
    // encryption key once with `openssl rand -base64 32` and keep it with your secrets."
    writeFileSync(join(folder, 'secrets/bridge-key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const file = join(folder, 'bridge.config.json');
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...written, store: { url: 'sqlite:./data/bridge.db', encryptionKey: { file: 'secrets/bridge-key' } } }, null, 2));

    const { config, baseDir } = loadConfigFile(file);
    bridge = await startBridge(config, { baseDir });

    expect((await fetch(`${bridge.url}/healthz`)).status).toBe(200);
  });

  it('6.1–6.2 Turn sync on: the admin signs in, sees the Admin view’s environment and turns sync on with the App ID', async () => {
    adminToken = await bridgeToken(lucia.email);
    const token = adminToken;
    // The pane shows its Admin link from this answer.
    expect((await callBridge<{ isAdmin: boolean }>('/api/me', token)).body.isAdmin).toBe(true);
    const before = await callBridge<{ activation: { syncActivated: boolean }; adminConsentUrl: string }>('/api/admin/environment', token);
    expect(before.status).toBe(200);
    expect(before.body.activation.syncActivated).toBe(false);
    expect(before.body.adminConsentUrl).toBe(registration.adminConsentUrl);

    const activated = await callBridge<{ activation: { syncActivated: boolean; changedBy: string } }>('/api/admin/activation', token, {
      method: 'PUT',
      body: { syncActivated: true, applicationId: registration.applicationId },
    });

    expect(activated.status).toBe(200);
    expect(activated.body.activation).toMatchObject({ syncActivated: true, changedBy: lucia.email });
  });

  it('6.3 What users may choose: the admin saves the choices the configuration offers', async () => {
    const offered = await callBridge<{ policy: unknown; configured: unknown }>('/api/admin/sync-policy', adminToken);
    expect(offered.status).toBe(200);

    const saved = await callBridge<{ policy: unknown; changedBy?: string }>('/api/admin/sync-policy', adminToken, { method: 'PUT', body: offered.body.policy });

    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ policy: offered.body.policy, changedBy: lucia.email });
  });

  it('6.4 Each user turns on sync for their contacts, chooses a folder and syncs now: the ERP’s contacts are in it', async () => {
    const token = await bridgeToken(inigo.email);
    expect((await callBridge<{ isAdmin: boolean; environment: { syncActivated: boolean } }>('/api/me', token)).body).toMatchObject({ isAdmin: false, environment: { syncActivated: true } });
    expect(await callBridge('/api/me/sync/connect', token, { method: 'POST' })).toEqual({ status: 200, body: { connected: true } });
    const created = await callBridge<{ id: string; displayName: string }>('/api/me/contact-folders', token, { method: 'POST', body: { displayName: 'ERP' } });
    expect(created.status).toBe(201);
    const saved = await callBridge('/api/me/settings', token, {
      method: 'PUT',
      body: { enabled: true, contactFolderId: created.body.id, contactFolderName: 'ERP', contacts: 'erp-to-outlook' },
    });
    expect(saved.status).toBe(200);

    const started = await callBridge<{ runId: string }>('/api/me/sync/runs', token, { method: 'POST', body: {} });
    expect(started.status).toBe(202);
    await vi.waitFor(
      async () => {
        const run = await callBridge<{ status: string; stage: string }>(`/api/me/sync/runs/${started.body.runId}`, token);
        if (run.body.status !== 'succeeded') throw new Error(`the run is ${run.body.status} (${run.body.stage})`);
      },
      { timeout: 30_000, interval: 100 },
    );

    const { config, baseDir } = loadConfigFile(join(folder, 'bridge.config.json'));
    const erpConfig = config.environments[0]?.erp;
    if (erpConfig?.adapter !== 'demo') throw new Error('the command starts the environment on the demo ERP');
    const erp = await openDemoErp({ file: join(baseDir, erpConfig.file ?? '') });
    const projection = new Map((await listAllErpContacts(erp)).map((contact) => projectErpContact(contact, environment)).map(({ tag, fields }) => [tag, fields]));
    await erp.close();
    const outlookFolder = new Map(
      m365.graph.admin
        .readMailbox(inigo.objectId)
        .contacts.filter((contact) => contact.parentFolderId === created.body.id)
        .map(toFolderContact)
        // Categories are Outlook's own: the projection leaves them to the user.
        .map((contact) => [contact.tag ?? `(untagged) ${contact.id}`, { ...contact.fields, categories: undefined }]),
    );

    expect(projection.size).toBeGreaterThan(0);
    expect(outlookFolder).toEqual(projection);
  });

  it('6.5 The Admin view lists the user: sync on, folder, connected, last run', async () => {
    const status = await callBridge<{ items: { email: string }[] }>('/api/admin/sync-status', adminToken);

    expect(status.status).toBe(200);
    expect(status.body.items.find((item) => item.email === inigo.email)).toMatchObject({
      syncEnabled: true,
      contactFolderName: 'ERP',
      connected: true,
      openConflicts: 0,
      lastRun: { status: 'succeeded', stage: 'done' },
    });
  });
});
