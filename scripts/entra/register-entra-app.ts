import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { PublicClientApplication } from '@azure/msal-node';
import { createTrustingFetch } from '../../server/auth/create-trusting-fetch';
import { createTrustingNetworkClient } from '../../server/auth/create-trusting-network-client';
import { parseConfig } from '../../server/config/load-config';
import { adminConsentUrl } from '../../server/routes/admin-routes';
import { writeManifestFiles } from '../manifest/write-manifest-files';
import { buildApplicationRequest, consentRedirectUri } from './build-application-request';
import type { EntraAppArguments } from './entra-app-arguments';
import { graphCommandLineToolsClientId } from './microsoft-graph-permission-ids';
import { renderMailboxRestrictionSteps } from './render-mailbox-restriction-steps';
import { renderRegistrationCommands } from './render-registration-commands';

/** A step of the registration failed; the message says which and what Graph or Entra answered. */
export class RegistrationError extends Error {
  override readonly name = 'RegistrationError';
}

export interface RegistrationOutput {
  /** One paragraph for the admin's terminal. Secrets never go through it. */
  print(text: string): void;
}

export interface RegistrationResult {
  applicationId: string;
  tenantId: string;
  configFile: string;
  manifestDirectory: string;
  adminConsentUrl: string;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const microsoftAuthority = 'https://login.microsoftonline.com';

/**
 * `npm run entra:app`: signs the admin in with the device code flow, creates the bridge's app
 * registration, its service principal and a client secret through Microsoft Graph, and writes the
 * environment into bridge.config.json (the secret into a 0600 file it references) and both add-in
 * manifests. The authority and Graph come from the configuration file, so the same command runs
 * against Entra ID and the local stand-in.
 */
export async function registerEntraApp(options: EntraAppArguments, output: RegistrationOutput, workingDirectory = process.cwd()): Promise<RegistrationResult | undefined> {
  const configFile = resolve(workingDirectory, options.config);
  const baseDir = dirname(configFile);
  const manifestDirectory = resolve(baseDir, options.out ?? `manifests/${options.environment}`);
  const request = buildApplicationRequest({ environment: options.environment, origin: options.origin, mode: options.mode, scopeId: randomUUID(), appRoleId: randomUUID() });
  const displayName = String(request.create.displayName);

  if (options.print) {
    mkdirSync(manifestDirectory, { recursive: true });
    const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
    writeFileSync(resolve(manifestDirectory, 'application.json'), json(request.create));
    writeFileSync(resolve(manifestDirectory, 'application-update.json'), json(request.update('{appId}')));
    output.print(`Wrote application.json and application-update.json to ${manifestDirectory}. From that folder:\n\n${renderRegistrationCommands(displayName)}`);
    return undefined;
  }

  const raw = readConfigFile(configFile);
  // A configuration the bridge would refuse stops the command before anything is created in the tenant.
  const placeholder = '00000000-0000-0000-0000-000000000000';
  parseConfig(withEnvironment(raw, { ...options, tenantId: placeholder, applicationId: placeholder, secretFile: 'secrets/placeholder', adminObjectId: placeholder }), configFile);
  const identity = isObject(raw.identity) ? raw.identity : {};
  const graph = isObject(raw.graph) ? raw.graph : {};
  const authority = typeof identity.authority === 'string' ? identity.authority.replace(/\/+$/, '') : microsoftAuthority;
  const graphBaseUrl = typeof graph.baseUrl === 'string' ? graph.baseUrl.replace(/\/+$/, '') : 'https://graph.microsoft.com/v1.0';
  const identityCertificate = typeof identity.trustedCertificateFile === 'string' ? readFileSync(resolve(baseDir, identity.trustedCertificateFile), 'utf8') : undefined;
  const graphCertificate = typeof graph.trustedCertificateFile === 'string' ? readFileSync(resolve(baseDir, graph.trustedCertificateFile), 'utf8') : undefined;

  const signIn = new PublicClientApplication({
    auth: {
      clientId: graphCommandLineToolsClientId,
      authority: `${authority}/${options.tenant ?? 'organizations'}`,
      ...(authority === microsoftAuthority ? {} : { knownAuthorities: [new URL(authority).host] }),
    },
    ...(identityCertificate ? { system: { networkClient: createTrustingNetworkClient(identityCertificate) } } : {}),
  });
  const token = await signIn
    .acquireTokenByDeviceCode({ scopes: ['https://graph.microsoft.com/Application.ReadWrite.All'], deviceCodeCallback: (code) => output.print(code.message) })
    .catch((error: unknown) => {
      throw new RegistrationError(`Sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  if (!token?.account) throw new RegistrationError('Sign-in returned no account.');
  const tenantId = token.account.tenantId;
  const adminObjectId = token.account.localAccountId;

  const send = graphCertificate ? createTrustingFetch(graphCertificate) : (url: string, init: { method: string; headers: Record<string, string>; body: string }) => fetch(url, init);
  const callGraph = async (method: string, path: string, body: unknown): Promise<JsonObject> => {
    const response = await send(`${graphBaseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const answer: unknown = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const error = isObject(answer) && isObject(answer.error) ? answer.error : {};
      throw new RegistrationError(`${method} ${path} failed (${response.status} ${String(error.code ?? '')}): ${String(error.message ?? text)}`);
    }
    return isObject(answer) ? answer : {};
  };

  const application = await callGraph('POST', '/applications', request.create);
  const objectId = String(application.id);
  const applicationId = String(application.appId);
  await callGraph('PATCH', `/applications/${objectId}`, request.update(applicationId));
  const servicePrincipal = await callGraph('POST', '/servicePrincipals', { appId: applicationId });
  const password = await callGraph('POST', `/applications/${objectId}/addPassword`, { passwordCredential: { displayName: `bridge ${options.environment}` } });
  output.print(`Created app registration "${displayName}" (App ID ${applicationId}) in tenant ${tenantId}.`);

  const secretFile = `secrets/${options.environment}.client-secret`;
  mkdirSync(resolve(baseDir, 'secrets'), { recursive: true, mode: 0o700 });
  writeFileSync(resolve(baseDir, secretFile), `${String(password.secretText)}\n`, { mode: 0o600 });
  chmodSync(resolve(baseDir, secretFile), 0o600);

  const next = withEnvironment(raw, { ...options, tenantId, applicationId, secretFile, adminObjectId });
  parseConfig(next, configFile);
  writeFileSync(configFile, `${JSON.stringify(next, null, 2)}\n`);
  output.print(`Wrote environment "${options.environment}" to ${configFile}; its client secret is in ${resolve(baseDir, secretFile)} (mode 0600, never in git).`);
  const isNew = !(Array.isArray(raw.environments) && raw.environments.some((entry) => isObject(entry) && entry.environment === options.environment));
  if (isNew) output.print(`It uses the demo ERP until you set environments[].erp (docs/configuration.md).`);

  writeManifestFiles({ origin: options.origin, appId: applicationId, ...(authority === microsoftAuthority ? {} : { authority }) }, manifestDirectory);
  output.print(`Wrote manifest.xml and manifest.json for ${options.origin} to ${relative(workingDirectory, manifestDirectory) || '.'}.`);

  const consentUrl = adminConsentUrl(authority, tenantId, applicationId, consentRedirectUri(options.origin));
  output.print(`An administrator grants the permissions for everyone in the tenant at:\n  ${consentUrl}`);
  if (options.mode === 'app-only') {
    output.print(renderMailboxRestrictionSteps({ appId: applicationId, servicePrincipalId: String(servicePrincipal.id), environment: options.environment }));
  }
  return { applicationId, tenantId, configFile, manifestDirectory, adminConsentUrl: consentUrl };
}

/**
 * The configuration with the environment added, or replaced: a replaced entry keeps its ERP and
 * sync settings; a new one starts on the demo ERP. `server.publicUrl` becomes the add-in's origin
 * unless set.
 */
function withEnvironment(
  raw: JsonObject,
  registration: Pick<EntraAppArguments, 'environment' | 'mode' | 'origin'> & { tenantId: string; applicationId: string; secretFile: string; adminObjectId: string },
): JsonObject {
  const environments = Array.isArray(raw.environments) ? raw.environments.filter(isObject) : [];
  const previous = environments.find((entry) => entry.environment === registration.environment);
  const entry: JsonObject = {
    environment: registration.environment,
    tenantId: registration.tenantId,
    applicationId: registration.applicationId,
    clientSecret: { file: registration.secretFile },
    mode: registration.mode,
    admins: [registration.adminObjectId],
    erp: previous?.erp ?? { adapter: 'demo', file: `./data/demo-erp-${registration.environment}.db` },
    ...(previous?.sync ? { sync: previous.sync } : {}),
  };
  const server = isObject(raw.server) ? raw.server : {};
  return {
    ...raw,
    environments: previous ? environments.map((candidate) => (candidate === previous ? entry : candidate)) : [...environments, entry],
    server: { ...server, publicUrl: typeof server.publicUrl === 'string' ? server.publicUrl : registration.origin },
  };
}

function readConfigFile(path: string): JsonObject {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RegistrationError(`${path} is not JSON (${error instanceof Error ? error.message : String(error)}); nothing was registered.`);
  }
  if (!isObject(parsed)) throw new RegistrationError(`${path} does not hold a JSON object.`);
  return parsed;
}
