import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../dev/m365/identity/demo-directory';
import { startMicrosoft365, type Microsoft365 } from '../../dev/m365/start-microsoft-365';
import { createTrustingFetch } from '../../server/auth/create-trusting-fetch';
import { loadConfigFile } from '../../server/config/load-config';
import { startBridge } from '../../server/main';
import { parseEntraAppArguments } from '../../scripts/entra/entra-app-arguments';
import { registerEntraApp, type RegistrationResult } from '../../scripts/entra/register-entra-app';

const lucia = 'lucia.martinez@contosoiberica.onmicrosoft.com';
const inigo = 'inigo.urrutia@contosoiberica.onmicrosoft.com';
const origin = 'https://erp.contoso.test';

let m365: Microsoft365;
let trustingFetch: ReturnType<typeof createTrustingFetch>;
const directories: string[] = [];

beforeAll(async () => {
  m365 = await startMicrosoft365({ https: true, deviceCodeIntervalSeconds: 1 });
  trustingFetch = createTrustingFetch(m365.certificate ?? '');
});
afterAll(async () => {
  await m365.close();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A folder with a configuration that points the command at the stand-in, as docs/configuration.md shows. */
function prepareFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'entra-app-'));
  directories.push(folder);
  writeFileSync(join(folder, 'm365.pem'), m365.certificate ?? '');
  const config = {
    identity: { authority: m365.identity.url, trustedCertificateFile: 'm365.pem' },
    graph: { baseUrl: `${m365.graph.url}/v1.0`, trustedCertificateFile: 'm365.pem' },
    server: { port: 0 },
    environments: [],
  };
  writeFileSync(join(folder, 'bridge.config.json'), JSON.stringify(config));
  return folder;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** Runs the command; the user enters the printed code on the device login page and signs in as `username`. */
async function runCommand(folder: string, argv: string[], username: string) {
  const printed: string[] = [];
  const approvals: Promise<Response>[] = [];
  const result = await registerEntraApp(
    parseEntraAppArguments(argv),
    {
      print(text) {
        printed.push(text);
        const code = /enter the code (\w+)/.exec(text)?.[1];
        if (code) approvals.push(trustingFetch(`${m365.identity.url}/devicelogin`, form({ user_code: code, username, password: demoIds.password, decision: 'accept' })));
      },
    },
    folder,
  );
  await Promise.all(approvals);
  return { result, printed: printed.join('\n') };
}

/** A user's token for the new app's API, through the confidential client with its new secret. */
async function bridgeToken(result: RegistrationResult, secret: string, username: string) {
  const response = await trustingFetch(
    `${m365.identity.url}/${result.tenantId}/oauth2/v2.0/token`,
    form({
      grant_type: 'password',
      client_id: result.applicationId,
      client_secret: secret,
      username,
      password: demoIds.password,
      scope: `api://erp.contoso.test/${result.applicationId}/access_as_user`,
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('npm run entra:app against the local Microsoft 365', () => {
  let folder: string;
  let result: RegistrationResult;
  let printed: string;
  let secret: string;

  beforeAll(async () => {
    folder = prepareFolder();
    const run = await runCommand(folder, ['--env', 'contoso-sales', '--url', origin, '--tenant', demoIds.contosoTenantId], lucia);
    if (!run.result) throw new Error('the command registered nothing');
    result = run.result;
    printed = run.printed;
    secret = readFileSync(join(folder, 'secrets/contoso-sales.client-secret'), 'utf8').trim();
  }, 60_000);

  it('writes the environment into bridge.config.json with the secret by reference and the admin by object id', () => {
    const { config } = loadConfigFile(join(folder, 'bridge.config.json'));

    expect(config.environments).toEqual([
      expect.objectContaining({
        environment: 'contoso-sales',
        tenantId: demoIds.contosoTenantId,
        applicationId: result.applicationId,
        clientSecret: { file: 'secrets/contoso-sales.client-secret' },
        mode: 'delegated',
        admins: [demoIds.luciaObjectId],
      }),
    ]);
    expect(config.server.publicUrl).toBe(origin);
    expect(config.identity.authority).toBe(m365.identity.url);
  });

  it('keeps the secret in a file only its owner reads, and never prints it', () => {
    expect(statSync(join(folder, 'secrets/contoso-sales.client-secret')).mode & 0o777).toBe(0o600);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(printed).not.toContain(secret);
  });

  it('writes both add-in manifests for the new App ID', () => {
    const xml = readFileSync(join(result.manifestDirectory, 'manifest.xml'), 'utf8');
    const unified = JSON.parse(readFileSync(join(result.manifestDirectory, 'manifest.json'), 'utf8')) as Record<string, unknown>;

    expect(xml).toContain(`<Resource>api://erp.contoso.test/${result.applicationId}</Resource>`);
    expect(unified.webApplicationInfo).toEqual({ id: result.applicationId, resource: `api://erp.contoso.test/${result.applicationId}` });
  });

  it('prints the v2 admin-consent link for the tenant, returning to the taskpane', () => {
    const link = new URL(result.adminConsentUrl);

    expect(link.origin + link.pathname).toBe(`${m365.identity.url}/${demoIds.contosoTenantId}/v2.0/adminconsent`);
    expect(Object.fromEntries(link.searchParams)).toEqual({
      client_id: result.applicationId,
      scope: 'https://graph.microsoft.com/.default',
      redirect_uri: `${origin}/taskpane.html`,
    });
    expect(printed).toContain(result.adminConsentUrl);
  });

  it('creates an app whose users need consent first, which the admin-consent page grants for the tenant', async () => {
    const before = await bridgeToken(result, secret, inigo);
    expect(before.body).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required' });

    const page = await trustingFetch(result.adminConsentUrl);
    const html = await page.text();
    expect(html).toContain(`ERP Bridge for Outlook (contoso-sales)`);
    expect(html).toContain('Contacts.ReadWrite (Microsoft Graph)');

    const link = new URL(result.adminConsentUrl);
    const answer = await trustingFetch(link.origin + link.pathname, form({ ...Object.fromEntries(link.searchParams), username: lucia, password: demoIds.password, decision: 'accept' }));
    expect(answer.status).toBe(302);
    const back = new URL(answer.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe(`${origin}/taskpane.html`);
    expect(back.searchParams.get('admin_consent')).toBe('True');
    expect(back.searchParams.get('tenant')).toBe(demoIds.contosoTenantId);

    const after = await bridgeToken(result, secret, inigo);
    expect(decodeJwt(String(after.body.access_token))).toMatchObject({ aud: result.applicationId, scp: 'access_as_user', ver: '2.0', tid: demoIds.contosoTenantId });
  });

  it('lets the bridge start with the written configuration and recognise the admin', async () => {
    const { config, baseDir } = loadConfigFile(join(folder, 'bridge.config.json'));
    const bridge = await startBridge({ ...config, log: { level: 'silent' } }, { baseDir });
    try {
      const token = await bridgeToken(result, secret, lucia);
      const response = await fetch(`${bridge.url}/api/admin/environment`, { headers: { authorization: `Bearer ${String(token.body.access_token)}` } });

      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ environment: 'contoso-sales', applicationId: result.applicationId, mode: 'delegated' });
    } finally {
      await bridge.close();
    }
  }, 60_000);
});

describe('npm run entra:app in app-only mode', () => {
  it('signs in to the admin’s own tenant, asks for Graph application permissions that work with client credentials once an admin consented, and prints the Exchange RBAC steps', async () => {
    const folder = prepareFolder();
    const amelie = 'amelie.dubois@fabrikamfrance.onmicrosoft.com';

    const { result, printed } = await runCommand(folder, ['--env', 'fabrikam-sync', '--url', 'https://erp.fabrikam.test', '--mode', 'app-only'], amelie);
    if (!result) throw new Error('the command registered nothing');
    const link = new URL(result.adminConsentUrl);
    await trustingFetch(link.origin + link.pathname, form({ ...Object.fromEntries(link.searchParams), username: amelie, password: demoIds.password, decision: 'accept' }));
    const secret = readFileSync(join(folder, 'secrets/fabrikam-sync.client-secret'), 'utf8').trim();
    const token = await trustingFetch(
      `${m365.identity.url}/${demoIds.fabrikamTenantId}/oauth2/v2.0/token`,
      form({ grant_type: 'client_credentials', client_id: result.applicationId, client_secret: secret, scope: 'https://graph.microsoft.com/.default' }),
    );

    expect(decodeJwt(String(((await token.json()) as Record<string, unknown>).access_token))).toMatchObject({
      idtyp: 'app',
      roles: ['Contacts.ReadWrite', 'Calendars.ReadWrite', 'Tasks.ReadWrite.All'],
    });
    expect(loadConfigFile(join(folder, 'bridge.config.json')).config.environments[0]).toMatchObject({ mode: 'app-only', tenantId: demoIds.fabrikamTenantId });
    expect(printed).toContain(`New-ManagementRoleAssignment -App ${result.applicationId} -Role "Application Contacts.ReadWrite" -CustomResourceScope "ERP Bridge fabrikam-sync mailboxes"`);
    expect(printed).toContain('New-ManagementScope -Name "ERP Bridge fabrikam-sync mailboxes" -RecipientRestrictionFilter "MemberOfGroup -eq');
  }, 60_000);
});

describe('npm run entra:app with a configuration it cannot extend', () => {
  it.each([
    ['one the bridge would refuse', JSON.stringify({ jobs: { engine: 'pg-boss' }, environments: [] }), /pg-boss/],
    ['one that is not JSON', '{ "environments": [', /is not JSON/],
  ])('stops on %s before anyone signs in, and leaves the file as it was', async (_case, text, message) => {
    const folder = prepareFolder();
    const file = join(folder, 'bridge.config.json');
    writeFileSync(file, text);
    const printed: string[] = [];

    await expect(registerEntraApp(parseEntraAppArguments(['--env', 'acme', '--url', origin]), { print: (line) => printed.push(line) }, folder)).rejects.toThrow(message);

    expect(printed).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('npm run entra:app -- --print', () => {
  it('writes the registration and prints the Azure CLI and Graph PowerShell commands, calling nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'entra-print-'));
    directories.push(out);

    const printed = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/entra/entra-app.ts', '--env', 'acme', '--url', 'https://erp.acme.test', '--mode', 'app-only', '--print', '--out', out],
      { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    const application = JSON.parse(readFileSync(join(out, 'application.json'), 'utf8')) as Record<string, unknown>;
    const update = JSON.parse(readFileSync(join(out, 'application-update.json'), 'utf8')) as Record<string, unknown>;

    expect(application).toMatchObject({
      displayName: 'ERP Bridge for Outlook (acme)',
      api: { requestedAccessTokenVersion: 2, oauth2PermissionScopes: [expect.objectContaining({ value: 'access_as_user', type: 'User' })] },
      appRoles: [expect.objectContaining({ value: 'Bridge.Admin', allowedMemberTypes: ['User'] })],
      spa: { redirectUris: ['https://erp.acme.test/taskpane.html', 'brk-multihub://erp.acme.test'] },
      requiredResourceAccess: [
        {
          resourceAppId: '00000003-0000-0000-c000-000000000000',
          resourceAccess: [
            { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' },
            { id: '6918b873-d17a-4dc1-b314-35f528134491', type: 'Role' },
            { id: 'ef54d2bf-783f-4e0f-bca1-3210c0444d99', type: 'Role' },
            { id: '44e666d1-d276-445b-a5fc-8815eeb81d55', type: 'Role' },
          ],
        },
      ],
    });
    expect(update).toMatchObject({
      identifierUris: ['api://erp.acme.test/{appId}'],
      api: { preAuthorizedApplications: [{ appId: 'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e', delegatedPermissionIds: [expect.any(String)] }] },
    });
    expect(printed).toContain('az rest --method POST --uri https://graph.microsoft.com/v1.0/applications');
    expect(printed).toContain('New-MgApplication -BodyParameter');
    expect(printed).toContain('Add-MgApplicationPassword');
    expect(existsSync(join(out, 'manifest.xml'))).toBe(false);
  });

  it('refuses an environment name the configuration would refuse', () => {
    expect(() => parseEntraAppArguments(['--env', 'Acme Sales', '--url', origin])).toThrow(/--env must name the environment/);
    expect(() => parseEntraAppArguments(['--env', 'acme', '--url', 'http://erp.acme.test'])).toThrow(/must be https/);
    expect(() => parseEntraAppArguments(['--env', 'acme', '--url', origin, '--mode', 'both'])).toThrow(/--mode must be delegated or app-only/);
  });
});
