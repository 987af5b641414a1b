import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { createTokenValidator } from './auth/create-token-validator';
import { createTrustingFetch } from './auth/create-trusting-fetch';
import { createTrustingNetworkClient } from './auth/create-trusting-network-client';
import { createDoctor } from './doctor/create-doctor';
import { createContactSyncService } from './jobs/create-contact-sync-service';
import { runTaskCollection } from './jobs/run-task-collection';
import { createGraphAccess } from './jobs/create-graph-access';
import { startContactSyncScheduler } from './jobs/start-contact-sync-scheduler';
import { startPgBossContactSync } from './jobs/start-pg-boss-contact-sync';
import { isPostgresUrl, pgBossNeedsPostgres, type BridgeConfig } from './config/config-schema';
import { ConfigError, loadConfigFile, resolveSecret } from './config/load-config';
import { readTlsFiles } from './config/read-tls-files';
import { createLogger } from './create-logger';
import { openErp } from './erp/open-erp';
import { createRateLimits } from './http/create-rate-limits';
import type { BridgeEnvironment } from './http/principal';
import { createErpChangeHook } from './notifications/create-erp-change-hook';
import { graphNotificationPath } from './notifications/register-notification-routes';
import { startGraphNotifications } from './notifications/start-graph-notifications';
import { openStore } from './store/open-store';
import { createBridgeMetrics } from './metrics/create-bridge-metrics';
import { startMetricsServer } from './metrics/start-metrics-server';
import { runEventCollection } from './jobs/run-event-collection';

export interface RunningBridge {
  url: string;
  /** The metrics listener's URL, when `metrics.port` is set. */
  metricsUrl?: string;
  close(): Promise<void>;
}

/**
 * Composition root: configuration → store and ERP adapters → app → listening server.
 * `baseDir` is where relative paths of the configuration file are resolved.
 */
export async function startBridge(config: BridgeConfig, options: { baseDir?: string; logger?: Logger; staticRoot?: string } = {}): Promise<RunningBridge> {
  const baseDir = options.baseDir ?? process.cwd();
  const logger = options.logger ?? createLogger({ level: config.log.level });
  // Read first: a missing certificate stops the start before any database is opened.
  const tls = config.server.tls ? readTlsFiles(config.server.tls, baseDir) : undefined;
  const storeUrl = typeof config.store.url === 'string' ? config.store.url : resolveSecret(config.store.url, process.env, baseDir);
  if (config.jobs.engine === 'pg-boss' && !isPostgresUrl(storeUrl)) throw new ConfigError(`jobs.engine: ${pgBossNeedsPostgres}`);
  const metricsToken = config.metrics.token ? resolveSecret(config.metrics.token, process.env, baseDir) : undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) throw new ConfigError('metrics.token: the secret must be at least 16 characters long');
  const metrics = metricsToken !== undefined || config.metrics.port !== undefined
    ? createBridgeMetrics({ defaultMetrics: true, onCollectFailure: (error) => logger.warn({ err: error }, 'metrics: the sync queue depth could not be read') })
    : undefined;
  const encryptionKey = config.store.encryptionKey ? resolveSecret(config.store.encryptionKey, process.env, baseDir) : undefined;
  const store = await openStore(storeUrl, { baseDir, encryptionKey });

  const environments = new Map<string, BridgeEnvironment>();
  const closeDatabases = async () => {
    await Promise.all([...environments.values()].map(({ erp }) => erp.close()));
    await store.close();
  };
  try {
    for (const environment of config.environments) {
      environments.set(environment.environment, { config: environment, erp: await openErp(environment.erp, { baseDir, logger }) });
    }
  } catch (error) {
    await closeDatabases();
    throw error;
  }

  const trusted = config.identity.trustedCertificateFile ? readCertificate(resolve(baseDir, config.identity.trustedCertificateFile)) : undefined;
  const authenticate = createTokenValidator({
    authority: config.identity.authority,
    environments: config.environments,
    ...(trusted ? { fetch: createTrustingFetch(trusted) } : {}),
  });
  const secrets = new Map<string, string>();
  for (const environment of config.environments) {
    if (environment.clientSecret) secrets.set(environment.environment, resolveSecret(environment.clientSecret, process.env, baseDir));
  }
  const erpChangeSecrets = new Map<string, string>();
  for (const environment of config.environments) {
    if (environment.erpChangeSecret) erpChangeSecrets.set(environment.environment, resolveSecret(environment.erpChangeSecret, process.env, baseDir));
  }
  const graphTrusted = config.graph.trustedCertificateFile ? readCertificate(resolve(baseDir, config.graph.trustedCertificateFile)) : undefined;
  const graphAccess = createGraphAccess({
    environments: config.environments,
    secrets,
    authority: config.identity.authority,
    graphBaseUrl: config.graph.baseUrl,
    store,
    ...(trusted ? { networkClient: createTrustingNetworkClient(trusted) } : {}),
    ...(graphTrusted ? { graphFetch: createTrustingFetch(graphTrusted) } : {}),
    ...(metrics ? { metrics, clientOptions: { onAnswer: metrics.observeGraphAnswer } } : {}),
  });
  const { intervalMinutes, maxConcurrentRuns, runExpiryMinutes, runLeaseSeconds } = config.jobs;
  // Graph change notifications need an address Graph reaches (HTTPS; the emulator also calls loopback HTTP).
  const notificationBase = config.notifications.enabled ? (config.notifications.publicUrl ?? config.server.publicUrl) : undefined;
  const healthyPollMs = config.notifications.healthyPollMinutes * 60_000;
  const pollGapMs = async ({ environment, user }: { environment: string; user: { tenantId: string; objectId: string } }) =>
    (await notifications.isHealthy(environment, user).catch(() => false)) ? healthyPollMs : 0;
  // A mailbox run syncs contacts, then the action collections: events, then tasks.
  const contactSync = createContactSyncService({ store, environments, graphAccess, logger, maxConcurrentRuns, actionCollections: { events: runEventCollection, tasks: runTaskCollection }, pollGapMs, ...(metrics ? { metrics } : {}) });
  // pg-boss: runs and the schedule go through the queue the bridges share; in-process: this bridge runs them.
  const queue =
    config.jobs.engine === 'pg-boss'
      ? await startPgBossContactSync(contactSync, { connectionString: storeUrl, store, logger, intervalMinutes, maxConcurrentRuns, runExpiryMinutes, runLeaseSeconds }).catch(async (error: unknown) => {
          await closeDatabases();
          throw error;
        })
      : undefined;
  // The inbox of notifications and ERP-side triggers; subscriptions only where Graph can reach the bridge.
  const notifications = startGraphNotifications({
    store, environments, graphAccess, logger, runs: queue ?? contactSync,
    ...(notificationBase ? { notificationUrl: `${notificationBase.replace(/\/+$/, '')}${graphNotificationPath}` } : {}),
    maintenanceEveryMs: config.notifications.subscriptionPassSeconds * 1000,
    erpPollEveryMs: config.notifications.erpPollSeconds * 1000,
    ...(metrics ? { observeLag: (seconds: number) => metrics.observeNotificationLag(seconds) } : {}),
  });
  metrics?.watchQueueDepth(queue ? () => queue.queueDepth() : () => contactSync.waitingRuns());
  // On PostgreSQL the limits live in the store's database, so every bridge counts against the same limit.
  const limitsPool = isPostgresUrl(storeUrl) ? new pg.Pool({ connectionString: storeUrl, max: 2 }).on('error', () => {}) : undefined;
  const rateLimits = await createRateLimits(config.rateLimits, limitsPool).catch(async (error: unknown) => {
    await notifications.stop();
    await queue?.stop();
    await limitsPool?.end();
    await closeDatabases();
    throw error;
  });
  const doctor = createDoctor({
    config, environments, secrets, store, graphAccess,
    ...(trusted ? { identityFetch: createTrustingFetch(trusted), networkClient: createTrustingNetworkClient(trusted) } : {}),
    ...(graphTrusted ? { graphFetch: createTrustingFetch(graphTrusted) } : {}),
  });
  const erpChanges = createErpChangeHook({
    store, environments, secrets: erpChangeSecrets,
    queueRuns: (environment, users) => notifications.queueRuns(environment, users),
  });
  const app = createApp(
    {
      environments, store, authenticate, logger, graphAccess, contactSync: queue ?? contactSync, authority: config.identity.authority, doctor,
      ...(config.identity.consentAuthority ? { consentAuthority: config.identity.consentAuthority } : {}),
      ...(config.server.publicUrl ? { publicUrl: config.server.publicUrl } : {}),
      rateLimits, frameAncestors: config.server.frameAncestors,
      ...(notificationBase ? { graphNotifications: notifications.inbox } : {}),
      erpChanges,
      ...(metrics && metricsToken !== undefined ? { metrics: { registry: metrics.registry, token: metricsToken } } : {}),
      transport: { trustProxy: config.server.trustProxy, https: tls !== undefined, ...(config.server.publicUrl ? { publicUrl: config.server.publicUrl } : {}) },
    },
    { staticRoot: options.staticRoot },
  );

  const server = await new Promise<ReturnType<typeof serve>>((resolveServer) => {
    const listening = serve(
      { fetch: app.fetch, hostname: config.server.host, port: config.server.port, ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}) },
      () => resolveServer(listening),
    );
  });
  const address = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, environments: [...environments.keys()] }, 'bridge listening');
  const metricsServer = metrics && config.metrics.port !== undefined
    ? await startMetricsServer({ registry: metrics.registry, ...(metricsToken === undefined ? {} : { token: metricsToken }) }, { host: config.metrics.host, port: config.metrics.port }).catch(async (error: unknown) => {
        await new Promise<void>((done) => server.close(() => done()));
        await queue?.stop();
        await limitsPool?.end();
        await closeDatabases();
        throw error;
      })
    : undefined;
  if (metricsServer) logger.info({ url: `${metricsServer.url}/metrics` }, 'metrics listening');
  if (metricsServer && metricsToken === undefined && !/^(127\.|::1$|localhost$)/.test(config.metrics.host)) {
    logger.warn({ host: config.metrics.host }, 'metrics: the listener is reachable beyond this host and asks for no token; set metrics.token or keep the port off public networks');
  }
  const scheduler = !queue && intervalMinutes > 0 ? startContactSyncScheduler(contactSync, { intervalMs: intervalMinutes * 60_000, logger }) : undefined;

  let closing: Promise<void> | undefined;
  return {
    url,
    ...(metricsServer ? { metricsUrl: metricsServer.url } : {}),
    close() {
      closing ??= (async () => {
        // No new pass, stop accepting, let requests and sync runs in flight finish, then release the databases.
        await notifications.stop();
        await scheduler?.stop();
        await new Promise<void>((done) => server.close(() => done()));
        await metricsServer?.close();
        await queue?.stop();
        await contactSync.close();
        await limitsPool?.end();
        await closeDatabases();
      })();
      return closing;
    },
  };
}

function readCertificate(path: string): string {
  try {
    const pem = readFileSync(path, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError(`${path} holds no PEM certificate`);
    return pem;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`cannot read the trusted certificate file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Stops on SIGINT/SIGTERM; a second signal, or 10 s, forces the exit. */
export function closeOnSignals(close: () => Promise<void>, logger: Logger) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function main() {
  const path = resolve(process.env.BRIDGE_CONFIG ?? 'bridge.config.json');
  const { config, baseDir } = loadConfigFile(path);
  const logger = createLogger({ level: config.log.level });
  // The add-in is served from the bridge's own origin once `npm run build` has made dist/.
  const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
  const bridge = await startBridge(config, { baseDir, logger, staticRoot: existsSync(dist) ? dist : undefined });
  closeOnSignals(bridge.close, logger);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
