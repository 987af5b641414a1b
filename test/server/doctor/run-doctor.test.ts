import { once } from 'node:events';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../../dev/m365/identity/create-self-signed-certificate';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import type { IdentityDirectory } from '../../../dev/m365/identity/identity-directory';
import { microsoftGraphResource } from '../../../dev/m365/identity/microsoft-graph-resource';
import { startMicrosoft365, type Microsoft365 } from '../../../dev/m365/start-microsoft-365';
import { createTrustingFetch } from '../../../server/auth/create-trusting-fetch';
import { createTrustingNetworkClient } from '../../../server/auth/create-trusting-network-client';
import { parseConfig } from '../../../server/config/load-config';
import { createDoctor } from '../../../server/doctor/create-doctor';
import type { DoctorCheck, DoctorCheckName } from '../../../server/doctor/doctor-check';
import { createGraphAccess, type GraphAccess } from '../../../server/jobs/create-graph-access';
import { openStore } from '../../../server/store/open-store';
import type { Store, UserKey } from '../../../server/store/store';
import { createContactFolder } from '../../../src/graph/contacts/create-contact-folder';

const amelie = { tenantId: demoIds.fabrikamTenantId, objectId: demoIds.amelieObjectId };
const lucia = { tenantId: demoIds.contosoTenantId, objectId: demoIds.luciaObjectId };
const dayMs = 86_400_000;

/** The ERP as the doctor sees it: answers unless a test takes it down. */
const erp = { kind: 'demo', down: false, ping() { return erp.down ? Promise.reject(new Error('connection refused')) : Promise.resolve(); } };

let m365: Microsoft365;
let directory: IdentityDirectory;
let pristine: IdentityDirectory;
let identityClockOffsetMs = 0;
let publicServer: Server;
let publicUrl = '';
let publicCertificate = '';
let store: Store;
let graphAccess: GraphAccess;
let secrets: Map<string, string>;
let folders: { amelie: string; lucia: string };
let luciaToken = '';

const config = (overrides: { authority?: string; publicUrl?: string } = {}) =>
  parseConfig({
    environments: [
      { environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, erp: { adapter: 'demo' } },
      { environment: 'fabrikam', tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, mode: 'app-only', erp: { adapter: 'demo' } },
    ],
    identity: { authority: overrides.authority ?? m365.identity.url },
    graph: { baseUrl: `${m365.graph.url}/v1.0` },
    server: { publicUrl: overrides.publicUrl ?? publicUrl },
  });

async function runChecks(environment: 'contoso' | 'fabrikam', overrides: { authority?: string; publicUrl?: string; userToken?: string } = {}) {
  const parsed = config(overrides);
  const trusting = createTrustingFetch(m365.certificate ?? '');
  const doctor = createDoctor({
    config: parsed,
    environments: new Map(parsed.environments.map((each) => [each.environment, { config: each, erp }])),
    secrets, store, graphAccess: createGraphAccess({
      environments: parsed.environments, secrets, authority: parsed.identity.authority, graphBaseUrl: parsed.graph.baseUrl, store,
      networkClient: createTrustingNetworkClient(m365.certificate ?? ''), graphFetch: trusting, clientOptions: { maxRetries: 0 },
    }),
    identityFetch: trusting, graphFetch: trusting, publicFetch: createTrustingFetch(publicCertificate), networkClient: createTrustingNetworkClient(m365.certificate ?? ''),
  });
  const report = await doctor.run(environment, overrides.userToken ? { userToken: overrides.userToken } : {});
  return Object.fromEntries(report.checks.map((check) => [check.name, check])) as Record<DoctorCheckName, DoctorCheck>;
}

const fabrikamGraphConsent = () => {
  const consent = directory.consents.find((each) => each.clientId === demoIds.fabrikamBridgeClientId && each.resourceAppId === microsoftGraphResource.appId && !each.userObjectId);
  if (!consent) throw new Error('the demo directory grants Fabrikam application permissions');
  return consent;
};
const fabrikamApp = () => directory.applications.find((app) => app.clientId === demoIds.fabrikamBridgeClientId)!;

beforeAll(async () => {
  m365 = await startMicrosoft365({ https: true, identityNow: () => new Date(Date.now() + identityClockOffsetMs) });
  directory = m365.identity.directory;
  pristine = structuredClone(directory);
  const tls = await createSelfSignedCertificate();
  publicCertificate = tls.cert;
  publicServer = createServer({ key: tls.key, cert: tls.cert }, (request, response) => {
    response.writeHead(request.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  });
  publicServer.listen(0, '127.0.0.1');
  await once(publicServer, 'listening');
  publicUrl = `https://127.0.0.1:${(publicServer.address() as AddressInfo).port}`;

  store = await openStore('sqlite::memory:', { encryptionKey: Buffer.alloc(32, 7).toString('base64') });
  secrets = new Map([['contoso', demoIds.bridgeClientSecret], ['fabrikam', demoIds.fabrikamBridgeClientSecret]]);
  const parsed = config();
  graphAccess = createGraphAccess({
    environments: parsed.environments, secrets, authority: m365.identity.url, graphBaseUrl: `${m365.graph.url}/v1.0`, store,
    networkClient: createTrustingNetworkClient(m365.certificate ?? ''), graphFetch: createTrustingFetch(m365.certificate ?? ''),
  });
  const answer = await createTrustingFetch(m365.certificate ?? '')(`${m365.identity.url}/organizations/oauth2/v2.0/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password', client_id: demoIds.bridgeClientId, username: 'lucia.martinez@contosoiberica.onmicrosoft.com', password: demoIds.password,
      scope: `api://localhost:3000/${demoIds.bridgeClientId}/access_as_user`,
    }).toString(),
  });
  luciaToken = ((await answer.json()) as { access_token: string }).access_token;
  const now = new Date().toISOString();
  await store.users.upsert({ ...amelie, environment: 'fabrikam', email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com', displayName: 'Amélie Dubois' }, now);
  await store.users.upsert({ ...lucia, environment: 'contoso', email: 'lucia.martinez@contosoiberica.onmicrosoft.com', displayName: 'Lucía Martínez García' }, now);
  await graphAccess.connect('contoso', lucia, luciaToken);
  const chooseFolder = async (environment: string, user: UserKey) => {
    const folder = await createContactFolder(graphAccess.clientFor(environment, user), graphAccess.mailboxOf(user), 'ERP');
    await store.settings.put(user, { enabled: true, contactFolderId: folder.id ?? '', contactFolderName: 'ERP', actionsEnabled: false, todoListName: 'ERP', contacts: 'erp-to-outlook', conflicts: 'erp-wins', events: 'off', eventConflicts: 'erp-wins', tasks: 'off', taskConflicts: 'erp-wins' }, now);
    return folder.id ?? '';
  };
  folders = { amelie: await chooseFolder('fabrikam', amelie), lucia: await chooseFolder('contoso', lucia) };
});

afterAll(async () => {
  await store?.close();
  await new Promise((done) => publicServer?.close(done));
  await m365?.close();
});

beforeEach(() => {
  // A healthy Fabrikam: the app may read its own registration, and its secret ends in 90 days.
  fabrikamGraphConsent().roles.push('Application.Read.All');
  fabrikamApp().secretEndDateTimes = { [demoIds.fabrikamBridgeClientSecret]: new Date(Date.now() + 90 * dayMs).toISOString() };
});

afterEach(() => {
  Object.assign(directory, structuredClone(pristine));
  secrets.set('fabrikam', demoIds.fabrikamBridgeClientSecret);
  m365.graph.applicationScopes.scope(demoIds.fabrikamBridgeClientId, undefined);
  erp.down = false;
  identityClockOffsetMs = 0;
});

describe('a healthy stack', () => {
  it('passes every check of an app-only environment', async () => {
    const checks = await runChecks('fabrikam');
    for (const check of Object.values(checks)) expect(check, check.name).toMatchObject({ status: 'ok' });
    expect(checks['secret-expiry'].message).toMatch(/expires on \d{4}-\d{2}-\d{2}, in 8\d days/);
    expect(checks['graph-permissions'].message).toContain('Contacts.ReadWrite, Calendars.ReadWrite, Tasks.ReadWrite.All');
    expect(checks['mailbox-access'].message).toBe('All 1 synced mailboxes answer.');
  });

  it('passes the consent and delegated permission checks with the admin’s own sign-in', async () => {
    const checks = await runChecks('contoso', { userToken: luciaToken });
    expect(checks['admin-consent']).toMatchObject({ status: 'ok' });
    expect(checks['graph-permissions']).toMatchObject({ status: 'ok', message: expect.stringContaining('User.Read, Contacts.ReadWrite, Calendars.ReadWrite, Tasks.ReadWrite') });
    expect(checks['mailbox-access']).toMatchObject({ status: 'ok' });
    expect(checks['contact-folders']).toMatchObject({ status: 'ok' });
  });

  it('reads the delegated permissions from a connected user’s stored sign-in when no admin’s sign-in is given', async () => {
    const checks = await runChecks('contoso');
    expect(checks['admin-consent']).toMatchObject({ status: 'ok' });
    expect(checks['graph-permissions']).toMatchObject({ status: 'ok', message: expect.stringContaining('delegated permission') });
  });
});

describe('each fault, in its own words', () => {
  it('says the token endpoint cannot be reached', async () => {
    const checks = await runChecks('fabrikam', { authority: 'https://127.0.0.1:1' });
    expect(checks['token-endpoint']).toMatchObject({ status: 'fail', message: expect.stringContaining('connection refused') });
    expect(checks['client-secret'].status).toBe('warn');
  });

  it('says the client secret is wrong (AADSTS7000215)', async () => {
    secrets.set('fabrikam', 'not-the-secret');
    const checks = await runChecks('fabrikam');
    expect(checks['token-endpoint'].status).toBe('ok');
    expect(checks['client-secret']).toMatchObject({ status: 'fail', message: 'The client secret is wrong (AADSTS7000215).', fix: expect.stringContaining('not its Secret ID') });
  });

  it('says the client secret has expired (AADSTS7000222)', async () => {
    fabrikamApp().secretEndDateTimes = { [demoIds.fabrikamBridgeClientSecret]: new Date(Date.now() - dayMs).toISOString() };
    const checks = await runChecks('fabrikam');
    expect(checks['client-secret']).toMatchObject({ status: 'fail', message: 'The client secret has expired (AADSTS7000222).' });
  });

  it('warns when the secret expires within 30 days', async () => {
    fabrikamApp().secretEndDateTimes = { [demoIds.fabrikamBridgeClientSecret]: new Date(Date.now() + 10 * dayMs + 60_000).toISOString() };
    const checks = await runChecks('fabrikam');
    expect(checks['secret-expiry']).toMatchObject({ status: 'warn', message: expect.stringMatching(/expires on .+, in 10 days/) });
  });

  it('warns that the app cannot read its own registration without Application.Read.All', async () => {
    fabrikamGraphConsent().roles = fabrikamGraphConsent().roles.filter((role) => role !== 'Application.Read.All');
    const checks = await runChecks('fabrikam');
    expect(checks['secret-expiry']).toMatchObject({ status: 'warn', message: expect.stringContaining('cannot read its own registration') });
  });

  it('says admin consent is missing for an app-only environment', async () => {
    directory.consents = directory.consents.filter((consent) => consent !== fabrikamGraphConsent());
    const checks = await runChecks('fabrikam');
    expect(checks['client-secret'].status).toBe('ok');
    expect(checks['admin-consent']).toMatchObject({ status: 'fail', message: expect.stringContaining('Admin consent is missing') });
  });

  it('says admin consent is missing when the on-behalf-of exchange asks for it (AADSTS65001)', async () => {
    directory.consents = directory.consents.filter((consent) => !(consent.clientId === demoIds.bridgeClientId && consent.resourceAppId === microsoftGraphResource.appId));
    const checks = await runChecks('contoso', { userToken: luciaToken });
    expect(checks['admin-consent']).toMatchObject({ status: 'fail', message: expect.stringContaining('AADSTS65001') });
  });

  it('names the application permission that is missing', async () => {
    fabrikamGraphConsent().roles = fabrikamGraphConsent().roles.filter((role) => role !== 'Tasks.ReadWrite.All');
    const checks = await runChecks('fabrikam');
    expect(checks['admin-consent'].status).toBe('ok');
    expect(checks['graph-permissions']).toMatchObject({ status: 'fail', message: 'Missing Microsoft Graph application permissions: Tasks.ReadWrite.All.' });
  });

  it('warns, rather than fails, when the mailbox permissions may come from RBAC for Applications instead of Entra ID', async () => {
    fabrikamGraphConsent().roles = fabrikamGraphConsent().roles.filter((role) => role !== 'Contacts.ReadWrite' && role !== 'Calendars.ReadWrite');
    const checks = await runChecks('fabrikam');
    expect(checks['graph-permissions']).toMatchObject({ status: 'warn', message: expect.stringContaining('Not granted in Entra ID: Contacts.ReadWrite, Calendars.ReadWrite.') });
  });

  it('names the mailbox outside the RBAC for Applications scope', async () => {
    m365.graph.applicationScopes.scope(demoIds.fabrikamBridgeClientId, []);
    const checks = await runChecks('fabrikam');
    expect(checks['mailbox-access']).toMatchObject({
      status: 'fail', message: 'Microsoft Graph refuses access (403 ErrorAccessDenied) to the mailbox of amelie.dubois@fabrikamfrance.onmicrosoft.com.',
      fix: expect.stringContaining('RBAC for Applications'),
    });
  });

  it('names the user whose contact folder was deleted', async () => {
    const client = graphAccess.clientFor('fabrikam', amelie);
    await client.request('DELETE', `/users/${amelie.objectId}/contactFolders/${folders.amelie}`);
    try {
      const checks = await runChecks('fabrikam');
      expect(checks['mailbox-access'].status).toBe('ok');
      expect(checks['contact-folders']).toMatchObject({ status: 'fail', message: expect.stringContaining('amelie.dubois@fabrikamfrance.onmicrosoft.com') });
    } finally {
      const folder = await createContactFolder(client, graphAccess.mailboxOf(amelie), 'ERP');
      folders.amelie = folder.id ?? '';
      const settings = await store.settings.get(amelie);
      if (settings) await store.settings.put(amelie, { ...settings, contactFolderId: folders.amelie }, new Date().toISOString());
    }
  });

  it('says the ERP does not answer', async () => {
    erp.down = true;
    const checks = await runChecks('fabrikam');
    expect(checks.erp).toMatchObject({ status: 'fail', message: 'The ERP (demo) does not answer: connection refused.' });
  });

  it('says the public URL cannot be reached over HTTPS', async () => {
    const checks = await runChecks('fabrikam', { publicUrl: 'https://127.0.0.1:1' });
    expect(checks['public-url']).toMatchObject({ status: 'fail', message: expect.stringContaining('https://127.0.0.1:1/healthz cannot be reached') });
  });

  it('refuses a public URL whose certificate is not trusted', async () => {
    const checks = await runChecks('fabrikam', { publicUrl: m365.graph.url });
    expect(checks['public-url']).toMatchObject({ status: 'fail', message: expect.stringContaining('TLS certificate is not trusted') });
  });

  it('fails a clock more than five minutes off Entra ID’s, and warns over one minute', async () => {
    identityClockOffsetMs = -10 * 60_000;
    expect((await runChecks('fabrikam')).clock).toMatchObject({ status: 'fail', message: expect.stringMatching(/^The local clock is 60\d s ahead of Entra ID/) });
    identityClockOffsetMs = 2 * 60_000;
    expect((await runChecks('fabrikam')).clock).toMatchObject({ status: 'warn', message: expect.stringMatching(/^The local clock is 1[12]\d s behind Entra ID/) });
  });
});
