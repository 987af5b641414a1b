import { createRemoteJWKSet, customFetch, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { createTrustingFetch } from '../../server/auth/create-trusting-fetch';
import { appRegistrationFromGraph } from './app-registration-from-graph';
import { startGraphEmulator, type GraphEmulator } from './graph/start-graph-emulator';
import type { GraphEmulatorOptions } from './graph/graph-emulator-options';
import { createSelfSignedCertificate } from './identity/create-self-signed-certificate';
import { demoDirectory } from './identity/demo-directory';
import type { IdentityDirectory } from './identity/identity-directory';
import { toDirectoryApplications } from './identity/to-directory-applications';
import { startIdentityServer, type IdentityServer } from './identity/start-identity-server';

export interface Microsoft365 {
  identity: IdentityServer;
  graph: GraphEmulator;
  /** PEM certificate of both servers when they serve HTTPS. */
  certificate: string | undefined;
  close(): Promise<void>;
}

/**
 * The local Microsoft 365: the identity server and a Graph emulator that trusts only its tokens,
 * with a mailbox for every user of the directory; apps registered through the emulator's
 * `/applications` join the identity server's directory. With `https`, the identity server serves a
 * certificate made at start (`identity.certificate`), which callers trust explicitly (MSAL
 * refuses an authority that is not HTTPS).
 */
export async function startMicrosoft365(
  options: {
    directory?: IdentityDirectory;
    identityPort?: number;
    graphPort?: number;
    https?: boolean;
    graphNow?: () => number;
    identityNow?: () => Date;
    /** Seconds a device-code sign-in waits between polls (Entra: 5). */
    deviceCodeIntervalSeconds?: number;
    /** Loopback HTTP port of the identity server's pages for browsers (see `IdentityServerOptions.browserPort`). */
    identityBrowserPort?: number;
    /** How the Graph emulator delivers change notifications (delay, drops). */
    graphNotifications?: GraphEmulatorOptions['notifications'];
  } = {},
): Promise<Microsoft365> {
  const directory = options.directory ?? demoDirectory;
  // One certificate for both servers, so callers trust a single PEM.
  const tls = options.https ? await createSelfSignedCertificate() : undefined;
  const identity = await startIdentityServer({
    directory,
    port: options.identityPort ?? 0,
    https: tls ?? false,
    ...(options.identityNow ? { now: options.identityNow } : {}),
    ...(options.deviceCodeIntervalSeconds !== undefined ? { deviceCodeIntervalSeconds: options.deviceCodeIntervalSeconds } : {}),
    ...(options.identityBrowserPort !== undefined ? { browserPort: options.identityBrowserPort } : {}),
  });
  const keyFetch = identity.certificate ? { [customFetch]: createTrustingFetch(identity.certificate) } : {};
  const keySets = new Map<string, JWTVerifyGetKey>();
  const keysOf = (tenantId: string) => {
    let keys = keySets.get(tenantId);
    if (!keys) keySets.set(tenantId, (keys = createRemoteJWKSet(new URL(`${identity.url}/${tenantId}/discovery/v2.0/keys`), keyFetch)));
    return keys;
  };
  const tenantIds = new Set(directory.tenants.map((tenant) => tenant.id));
  const graph = await startGraphEmulator({
    port: options.graphPort ?? 0,
    ...(options.graphNotifications ? { notifications: options.graphNotifications } : {}),
    https: tls ?? false,
    ...(options.graphNow ? { now: options.graphNow } : {}),
    directoryApplications: () => toDirectoryApplications(identity.directory),
    // An app registered through Graph signs in at the identity server from then on.
    onApplicationSaved: (application) => {
      const registration = appRegistrationFromGraph(application);
      const applications = identity.directory.applications;
      const index = applications.findIndex((app) => app.clientId === registration.clientId);
      if (index === -1) applications.push(registration);
      else applications[index] = registration;
    },
    verifyToken: async (jwt) => {
      const tenantId = decodeJwt(jwt).tid;
      if (typeof tenantId !== 'string' || !tenantIds.has(tenantId)) throw new Error('token from an unknown tenant');
      return (await jwtVerify(jwt, keysOf(tenantId), { issuer: `${identity.url}/${tenantId}/v2.0`, algorithms: ['RS256'] })).payload;
    },
    tenants: directory.tenants.map((tenant) => ({
      id: tenant.id,
      displayName: tenant.displayName,
      mailboxes: directory.users
        .filter((user) => user.tenantId === tenant.id)
        .map((user) => ({ id: user.objectId, userPrincipalName: user.userPrincipalName, displayName: user.displayName })),
    })),
  });
  return {
    identity,
    graph,
    certificate: tls?.cert,
    async close() {
      await Promise.all([graph.close(), identity.close()]);
    },
  };
}
