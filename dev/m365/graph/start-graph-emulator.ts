import { once } from 'node:events';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createSelfSignedCertificate } from '../identity/create-self-signed-certificate';
import { getRequestListener } from '@hono/node-server';
import { ApplicationMailboxScopes } from './application-mailbox-scopes';
import { createGraphApp } from './create-graph-app';
import { EmulatorCounters } from './emulator-counters';
import { EmulatorState } from './emulator-state';
import { FaultInjector } from './fault-injector';
import { createGraphEmulatorAdmin, type GraphEmulatorAdmin } from './graph-emulator-admin';
import type { GraphEmulatorOptions } from './graph-emulator-options';
import { graphPagingDefaults } from './graph-paging';
import { graphThrottlingDefaults, MailboxThrottle } from './mailbox-throttle';
import { NotificationClient, notificationDefaults } from './notification-client';
import { SubscriptionRegistry } from './subscription-registry';

export interface GraphEmulator {
  /** `http://127.0.0.1:{port}`; Graph is at `{url}/v1.0`, the admin API at `{url}/_admin`. */
  url: string;
  /** PEM certificate to trust when serving HTTPS. */
  certificate: string | undefined;
  admin: GraphEmulatorAdmin;
  /** RBAC for Applications: restrict an app to some mailboxes (others answer 403 ErrorAccessDenied). */
  applicationScopes: ApplicationMailboxScopes;
  close(): Promise<void>;
}

/**
 * Starts a local Microsoft Graph stand-in on 127.0.0.1: contacts and contact folders, calendars,
 * events and calendarView, To Do lists and tasks, delta, `$batch`, subscriptions with change and
 * lifecycle notifications, throttling, extended properties and fault injection.
 *
 * @example
 * const jwks = createRemoteJWKSet(new URL(`${identityUrl}/discovery/v2.0/keys`));
 * const graph = await startGraphEmulator({
 *   verifyToken: async (jwt) => (await jwtVerify(jwt, jwks)).payload,
 *   tenants: [{ id: tenantId, mailboxes: [{ id: userOid, userPrincipalName: 'ana@contoso.test' }] }],
 * });
 * await fetch(`${graph.url}/v1.0/me/contactFolders`, { headers: { authorization: `Bearer ${token}` } });
 * await graph.close();
 */
export async function startGraphEmulator(options: GraphEmulatorOptions): Promise<GraphEmulator> {
  const now = options.now ?? Date.now;
  const notifications = new NotificationClient({ ...notificationDefaults, ...options.notifications });
  // The registry needs the state to resolve resources, and the state tells the registry of every write.
  const listeners: { registry?: SubscriptionRegistry } = {};
  const state = new EmulatorState({
    now,
    deltaTokenCapacity: options.deltaTokenCapacity ?? 10_000,
    onChange: (mailbox, change) => listeners.registry?.onMailboxChange(mailbox, change),
  });
  const subscriptions = new SubscriptionRegistry({ state, client: notifications, now });
  listeners.registry = subscriptions;
  const counters = new EmulatorCounters();
  const throttle = new MailboxThrottle({ ...graphThrottlingDefaults, ...options.throttling }, now);
  const faults = new FaultInjector();
  faults.configure(options.faults);
  const service = { latencyMs: options.latencyMs ?? 0 };
  const admin = createGraphEmulatorAdmin({ state, counters, throttle, faults, service, subscriptions, notifications });
  for (const tenant of options.tenants ?? []) {
    admin.addTenant(tenant);
    for (const mailbox of tenant.mailboxes ?? []) admin.addMailbox(tenant.id, mailbox);
  }

  const applicationScopes = new ApplicationMailboxScopes();
  const fetch = createGraphApp({
    applicationScopes,
    applications: options.applications ?? (() => []),
    state,
    counters,
    throttle,
    faults,
    service,
    paging: { ...graphPagingDefaults, ...options.paging },
    subscriptions,
    verifyToken: options.verifyToken,
    admin,
    now,
  });
  const tls = options.https === true ? await createSelfSignedCertificate() : options.https || undefined;
  const listener = getRequestListener(fetch);
  const server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, listener) : createServer(listener);
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The Graph emulator did not get a TCP port.');

  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    certificate: tls?.cert,
    admin,
    applicationScopes,
    close: () =>
      new Promise<void>((resolve, reject) => {
        notifications.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
