import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ErpPort } from '../../src/domain/erp-port';
import type { EnvironmentConfig } from '../config/config-schema';
import type { ContactSyncPort } from '../http/contact-sync-port';
import type { Store, UserKey } from '../store/store';
import { createNotificationProcessor } from './create-notification-processor';
import { createSubscriptionMaintainer, type SubscriptionMaintainerOptions } from './create-subscription-maintainer';
import type { GraphNotificationInbox } from './graph-notification-inbox';
import { erpTrigger } from './erp-trigger';
import { pollErpChanges } from './poll-erp-changes';
import { receiveGraphNotifications } from './receive-graph-notifications';

export interface GraphNotificationsOptions extends Omit<SubscriptionMaintainerOptions, 'onResubscribed' | 'notificationUrl'> {
  /** Where Graph reaches the bridge's notification route; without it no subscription is made, and only ERP-side triggers fill the inbox. */
  notificationUrl?: string;
  store: Store;
  runs: Pick<ContactSyncPort, 'runNow'>;
  logger: Logger;
  /** Between two passes creating, renewing and removing subscriptions. */
  maintenanceEveryMs?: number;
  /** How long processing waits after a notification arrives, so a burst becomes one run. */
  settleMs?: number;
  /** Between two passes over the inbox when no notification arrives here (another bridge may have stored some). */
  idleProcessEveryMs?: number;
  /** The environments with their ERPs, whose change feeds the ERP-side poll reads. */
  environments: ReadonlyMap<string, { config: EnvironmentConfig; erp: ErpPort }>;
  /** Between two passes of the ERP-side poll (for ERPs that cannot call out); 0 or absent: no poll. */
  erpPollEveryMs?: number;
  /** Seconds from a notification's arrival to the end of the run that applied it (`/metrics`). */
  observeLag?: (seconds: number) => void;
  /** Processed notifications (and their fingerprints, which stop replays) are kept this long. */
  keepProcessedMs?: number;
  newId?: () => string;
}

export interface GraphNotifications {
  inbox: GraphNotificationInbox;
  /** Queues one run of each mailbox through the inbox, coalesced with the notifications waiting there (ERP-side changes). */
  queueRuns(environment: string, users: readonly UserKey[]): Promise<void>;
  /** Whether the mailbox's subscriptions are all live, so its safety-net poll can wait longer. */
  isHealthy(environment: string, user: UserKey): Promise<boolean>;
  /** Runs a subscription pass and an inbox pass now, and resolves when both are done (tests and benchmarks). */
  settle(): Promise<void>;
  /** No new pass; resolves once the passes in flight have ended. */
  stop(): Promise<void>;
}

/**
 * Graph change notifications on this bridge: the inbox the route stores into, the subscription
 * pass (every `maintenanceEveryMs`), and the inbox pass (right after notifications arrive, and
 * every `idleProcessEveryMs`). Every bridge sharing a store runs both; the store's reservations
 * and claims keep them from doing the same work twice.
 *
 * @example
 * const notifications = startGraphNotifications({ store, environments, graphAccess, runs: contactSync, notificationUrl, logger });
 * createApp({ ...deps, graphNotifications: notifications.inbox });
 */
export function startGraphNotifications(options: GraphNotificationsOptions): GraphNotifications {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const settleMs = options.settleMs ?? 250;
  const keepProcessedMs = options.keepProcessedMs ?? 24 * 60 * 60_000;
  let stopped = false;
  const resubscribed: { environment: string; user: UserKey }[] = [];
  const { notificationUrl } = options;
  const subscriptions = createSubscriptionMaintainer({ ...options, notificationUrl: notificationUrl ?? '', onResubscribed: (environment, user) => resubscribed.push({ environment, user }) });
  const processor = createNotificationProcessor({ store, runs: options.runs, subscriptions, logger, now, ...(options.observeLag ? { observeLag: options.observeLag } : {}) });

  async function runResubscribed(): Promise<void> {
    for (let next = resubscribed.shift(); next; next = resubscribed.shift()) {
      await options.runs.runNow(next.environment, next.user, {}).catch((error: unknown) => logger.warn({ err: error, environment: next?.environment }, 'run after a new subscription not started'));
    }
  }

  /**
   * One loop of passes, never two at once: the next pass `every` after the last (or when the pass
   * says, by returning a delay), or `wakeAfterMs` after a `wake`, even one during a pass.
   */
  function loop(name: string, every: number, wakeAfterMs: number, pass: () => Promise<number | void>) {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let woken = false;
    const schedule = (delayMs: number) => {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(() => void start(), delayMs);
      timer.unref();
    };
    const start = (): Promise<void> => {
      if (running) return running.then(() => start());
      clearTimeout(timer);
      woken = false;
      running = pass()
        .then(async (next) => {
          await runResubscribed();
          return next;
        })
        .catch((error: unknown) => logger.warn({ err: error }, `${name} failed`))
        .then((next) => {
          running = undefined;
          schedule(woken ? wakeAfterMs : (next ?? every));
        });
      return running;
    };
    return {
      start,
      schedule,
      wake() {
        if (running) woken = true;
        else schedule(wakeAfterMs);
      },
      async stop() {
        clearTimeout(timer);
        await running;
      },
    };
  }

  async function queueRuns(environment: string, users: readonly UserKey[]): Promise<void> {
    const receivedAt = now().toISOString();
    for (const user of users) {
      const id = newId();
      await store.graphNotifications.add({ id, fingerprint: id, subscriptionId: erpTrigger, user, environment, collection: 'contacts', kind: 'change', receivedAt });
    }
    if (users.length > 0) processing.wake();
  }

  let lastPurge = 0;
  const maintenance = loop('graph subscription pass', options.maintenanceEveryMs ?? 60_000, 0, () => subscriptions.maintainAll());
  const processing = loop('graph notification pass', options.idleProcessEveryMs ?? 5_000, settleMs, async () => {
    const outcome = await processor.processPending();
    if (now().getTime() - lastPurge > 60 * 60_000) {
      lastPurge = now().getTime();
      await store.graphNotifications.purge(new Date(lastPurge - keepProcessedMs).toISOString());
    }
    // Notifications waiting for a run to end are looked at again soon, not after the idle wait.
    return outcome.waiting > 0 ? 1_000 : undefined;
  });
  if (notificationUrl) maintenance.schedule(1_000);
  const erpPollEveryMs = options.erpPollEveryMs ?? 0;
  const erpPoll = loop('ERP change poll', erpPollEveryMs, 0, async () => {
    await pollErpChanges({ store, environments: options.environments, logger, queueRuns });
  });
  if (erpPollEveryMs > 0) erpPoll.schedule(erpPollEveryMs);
  processing.schedule(settleMs);

  return {
    inbox: {
      receive: (body) => receiveGraphNotifications(body, { store, logger, now, onStored: () => processing.wake() }),
    },
    queueRuns,
    isHealthy: async (environment, user) => notificationUrl !== undefined && (await subscriptions.isHealthy(environment, user)),
    async settle() {
      if (notificationUrl) await maintenance.start();
      await processing.start();
    },
    async stop() {
      stopped = true;
      await Promise.all([maintenance.stop(), processing.stop(), erpPoll.stop()]);
    },
  };
}
