import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import type { GraphEmulatorOptions } from '../dev/m365/graph/graph-emulator-options';
import { createApp } from '../server/app';
import { ApiError } from '../server/http/api-error';
import { startContactSyncScheduler } from '../server/jobs/start-contact-sync-scheduler';
import { createErpChangeHook } from '../server/notifications/create-erp-change-hook';
import { graphNotificationPath } from '../server/notifications/register-notification-routes';
import { startGraphNotifications, type GraphNotifications } from '../server/notifications/start-graph-notifications';
import { benchEnvironment, benchUser, startContactBench, type ContactBench } from './start-contact-bench';

export const erpChangeSecret = 'latency-bench-erp-secret';

export interface LatencyBridge extends ContactBench {
  /** `http://127.0.0.1:{port}`: the bridge listening, as Graph and the ERP call it. */
  url: string;
  notifications: GraphNotifications;
  /** `Date.now()` of every notification POST and ERP change call the bridge received, in order. */
  arrivals: number[];
  close(): Promise<void>;
}

/**
 * Amélie's mailbox (Fabrikam, app-only, two-way contacts) synced once, and the bridge listening
 * on loopback with its notification route and ERP change hook: with `notifications`, Graph
 * subscriptions to its folder; with `pollEveryMs`, the in-process schedule at that interval.
 */
export async function startLatencyBridge(options: {
  contacts: number;
  notifications: boolean;
  pollEveryMs?: number;
  graphNotifications?: GraphEmulatorOptions['notifications'];
  /** Between passes that create and renew subscriptions. */
  maintenanceEveryMs?: number;
  /** Between two reads of the ERP's change feed (none by default). */
  erpPollEveryMs?: number;
  /** Amélie's ERP actions sync too, to her calendar and To Do, with subscriptions to both. */
  actions?: boolean;
}): Promise<LatencyBridge> {
  const logger = pino({ level: process.env.BENCH_LOG ?? 'silent' });
  const holder: { notifications?: GraphNotifications } = {};
  const bench = await startContactBench({
    contacts: options.contacts,
    direction: 'two-way',
    ...(options.actions ? { actions: true } : {}),
    ...(options.graphNotifications ? { graphNotifications: options.graphNotifications } : {}),
    service: { pollGapMs: async ({ environment, user }) => ((await holder.notifications?.isHealthy(environment, user)) ? 30 * 60_000 : 0) },
  });
  const { store, service, environments, graphAccess } = bench;
  await store.activations.put({ environment: benchEnvironment, syncActivated: true, applicationId: 'latency-bench', changedBy: 'bench', changedAt: new Date().toISOString() });
  await bench.run();

  const arrivals: number[] = [];
  const erpChanges = createErpChangeHook({
    store, environments, secrets: new Map([[benchEnvironment, erpChangeSecret]]),
    queueRuns: (environment, users) => {
      arrivals.push(Date.now());
      return holder.notifications ? holder.notifications.queueRuns(environment, users) : Promise.resolve();
    },
  });
  const app = createApp({
    environments, store, logger, graphAccess, contactSync: service, erpChanges,
    authenticate: () => Promise.reject(new ApiError('auth_required', 401, 'no user calls this bridge')),
    graphNotifications: {
      receive(body) {
        arrivals.push(Date.now());
        return holder.notifications ? holder.notifications.inbox.receive(body) : Promise.reject(new ApiError('unavailable', 503, 'starting'));
      },
    },
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const notifications = startGraphNotifications({
    store, environments, graphAccess, logger, runs: service,
    ...(options.notifications ? { notificationUrl: `${url}${graphNotificationPath}` } : {}),
    maintenanceEveryMs: options.maintenanceEveryMs ?? 60_000,
    ...(options.erpPollEveryMs ? { erpPollEveryMs: options.erpPollEveryMs } : {}),
  });
  holder.notifications = notifications;
  await notifications.settle();
  const scheduler = options.pollEveryMs ? startContactSyncScheduler(service, { intervalMs: options.pollEveryMs, initialDelayMs: options.pollEveryMs, logger }) : undefined;
  if (options.notifications && !(await notifications.isHealthy(benchEnvironment, benchUser))) throw new Error('the bridge could not subscribe to the mailbox folder');

  return {
    ...bench,
    url,
    notifications,
    arrivals,
    async close() {
      await notifications.stop();
      await scheduler?.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await bench.close();
    },
  };
}
