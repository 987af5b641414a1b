/**
 * `npm start`: the whole product on its embedded defaults, with no tenant and no configuration.
 * Starts the local Microsoft 365 (identity server and Graph emulator), seeds two demo ERPs and runs the bridge against them. With a
 * `bridge.config.json` (or BRIDGE_CONFIG) it runs that configuration instead.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../server/create-logger';
import { loadConfigFile, parseConfig } from '../server/config/load-config';
import { closeOnSignals, startBridge } from '../server/main';
import { demoDirectoryAt, demoIds } from './m365/identity/demo-directory';
import type { IdentityDirectory } from './m365/identity/identity-directory';
import { startMicrosoft365 } from './m365/start-microsoft-365';
import { demoAccounts } from './outlook-host/demo-accounts';
import { startOutlookHost } from './outlook-host/start-outlook-host';

const port = Number(process.env.PORT ?? 3000);
const identityPort = Number(process.env.IDENTITY_PORT ?? port + 1);
const graphPort = Number(process.env.GRAPH_PORT ?? port + 2);
const outlookPort = Number(process.env.OUTLOOK_PORT ?? port + 3);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info', pretty: process.stdout.isTTY });

/** The demo users sign in to the identity server and are salespeople in the demo ERPs. */
const salespeople = {
  contoso: [
    { email: 'lucia.martinez@contosoiberica.onmicrosoft.com', displayName: 'Lucía Martínez García' },
    { email: 'inigo.urrutia@contosoiberica.onmicrosoft.com', displayName: 'Íñigo Urrutia Peña' },
  ],
  fabrikam: [
    { email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com', displayName: 'Amélie Dubois' },
    { email: 'francois.lefevre@fabrikamfrance.onmicrosoft.com', displayName: 'François Lefèvre' },
  ],
};

async function main() {
  const configPath = resolve(process.env.BRIDGE_CONFIG ?? 'bridge.config.json');
  if (existsSync(configPath)) {
    const { config, baseDir } = loadConfigFile(configPath);
    const bridge = await startBridge(config, { baseDir, logger });
    closeOnSignals(bridge.close, logger);
    return;
  }

  // The bridge's API is named after the host that serves the add-in: api://localhost:<PORT>/<App ID>.
  const directory = demoDirectoryAt(`localhost:${port}`);
  // The identity server's pages (admin consent, device login) also answer on loopback HTTP, which
  // browsers trust without its private certificate; admin-consent links point there.
  const m365 = await startMicrosoft365({ identityPort, graphPort, https: true, directory, identityBrowserPort: 0 });
  const { identity, graph } = m365;
  // The bridge, MSAL and curl trust the identity server's certificate through this file only.
  const certificateFile = `${dataDir}/m365-certificate.pem`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(certificateFile, identity.certificate ?? '');
  const config = parseConfig({
    environments: [
      {
        environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, mode: 'delegated',
        clientSecret: { env: 'DEMO_CONTOSO_CLIENT_SECRET' },
        erp: { adapter: 'demo', file: `${dataDir}/demo-erp-contoso.db`, seed: 1, contacts: 2_000, salespeople: salespeople.contoso },
      },
      {
        environment: 'fabrikam', tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, mode: 'app-only',
        clientSecret: { env: 'DEMO_FABRIKAM_CLIENT_SECRET' },
        erp: { adapter: 'demo', file: `${dataDir}/demo-erp-fabrikam.db`, seed: 2, contacts: 2_000, salespeople: salespeople.fabrikam },
      },
    ],
    // The Outlook host stand-in frames the taskpane from another loopback port (it may move to a free one).
    server: { port, frameAncestors: ['http://127.0.0.1:*', 'http://localhost:*'] },
    // The Graph emulator delivers change notifications to the bridge on loopback (Graph itself needs a public HTTPS URL).
    notifications: { publicUrl: `http://127.0.0.1:${port}` },
    identity: { authority: identity.url, trustedCertificateFile: certificateFile, ...(identity.browserUrl ? { consentAuthority: identity.browserUrl } : {}) },
    graph: { baseUrl: `${graph.url}/v1.0`, trustedCertificateFile: certificateFile },
    // The local Microsoft 365 lives in memory, so the bridge's store does too: links and delta
    // links must never outlive the mailboxes they describe. The demo ERP is a file and persists.
    store: { url: 'sqlite::memory:', encryptionKey: { env: 'DEMO_STORE_KEY' } },
  });
  // The demo tenant's app secrets are public demo values; a real deployment references its own.
  process.env.DEMO_CONTOSO_CLIENT_SECRET = demoIds.bridgeClientSecret;
  process.env.DEMO_FABRIKAM_CLIENT_SECRET = demoIds.fabrikamBridgeClientSecret;
  process.env.DEMO_STORE_KEY = randomBytes(32).toString('base64');
  // The bridge serves the production taskpane from dist/, which the Outlook host builds when missing or stale.
  const bridge = await startBridge(config, { logger, staticRoot: resolve(root, 'dist') });
  // Admin consent returns to the bridge's taskpane page, a redirect URI each registration must list.
  for (const app of identity.directory.applications) {
    if (config.environments.some((environment) => environment.applicationId === app.clientId)) app.redirectUris.push(`${bridge.url}/taskpane.html`);
  }
  const outlook = await startOutlookHost({
    root, port: outlookPort, portIsDefault: process.env.OUTLOOK_PORT === undefined, bridgeUrl: bridge.url,
    authority: identity.url, certificate: identity.certificate, accounts: demoAccounts(directory, config.environments), password: demoIds.password,
    log: (message) => console.log(`[add-in] ${message}`),
  });
  closeOnSignals(async () => {
    await outlook.close();
    await bridge.close();
    await m365.close();
  }, logger);

  const bridgeApp = directory.applications.find((app) => app.clientId === demoIds.bridgeClientId);
  const scope = `${bridgeApp?.identifierUri ?? ''}/access_as_user`;
  const tokenCommand = [
    `curl -s --cacert ${certificateFile} ${identity.url}/organizations/oauth2/v2.0/token`,
    `-d grant_type=password -d client_id=${demoIds.bridgeClientId}`,
    `-d username=inigo.urrutia@contosoiberica.onmicrosoft.com -d password=${demoIds.password}`,
    `--data-urlencode scope=${scope}`,
  ].join(' \\\n    ');
  const admins = demoAdmins(directory);
  console.log(`
ERP Bridge for Outlook is running on its demo defaults.

  Outlook (demo)    ${outlook.url}  (open this: a mailbox with the add-in in its pane)
  Bridge API        ${bridge.url}
  API reference     ${bridge.url}/docs
  OpenAPI document  ${bridge.url}/openapi.json
  Health            ${bridge.url}/healthz
  Identity server   ${identity.url}  (Entra ID stand-in; tenants Contoso Ibérica and Fabrikam France)
  Sign-in pages     ${identity.browserUrl ?? identity.url}  (its admin-consent and device login pages, for browsers)
  Graph emulator    ${graph.url}/v1.0  (mailboxes of the demo users; state at ${graph.url}/_admin)

Demo users (password "${demoIds.password}"): lucia.martinez@ and inigo.urrutia@contosoiberica.onmicrosoft.com,
amelie.dubois@ and francois.lefevre@fabrikamfrance.onmicrosoft.com.

Admins (the Bridge.Admin app role) see the Admin view, which turns sync on with the environment's App ID:
${config.environments.map((environment) => `  ${environment.environment.padEnd(9)} App ID ${environment.applicationId}  admins: ${admins.get(environment.applicationId)?.join(', ') || 'none'}`).join('\n')}

Get a token for the API (scope ${scope}) and call it:

  ${tokenCommand} | node -e "process.stdin.on('data', d => console.log(JSON.parse(d).access_token))"

  curl -H "Authorization: Bearer <token>" "${bridge.url}/api/contacts?email=ana.garcia@example.es"

Stop with Ctrl+C.
`);
  void outlook.ready.then((built) => console.log(built ? `[add-in] ready: open ${outlook.url}` : '[add-in] not built; the Outlook host page says why'));
}

/** The users holding each bridge registration's Bridge.Admin role, by the registration's App ID. */
function demoAdmins(directory: IdentityDirectory): Map<string, string[]> {
  const admins = new Map<string, string[]>();
  for (const user of directory.users) {
    for (const assignment of user.appRoleAssignments) {
      if (assignment.role === 'Bridge.Admin') admins.set(assignment.resourceAppId, [...(admins.get(assignment.resourceAppId) ?? []), user.userPrincipalName]);
    }
  }
  return admins;
}

main().catch((error: unknown) => {
  logger.error({ err: error }, error instanceof Error ? error.message : 'start failed');
  process.exit(1);
});
