import type { Logger } from 'pino';
import { ApiError } from '../http/api-error';
import type { ContactSyncPort } from '../http/contact-sync-port';
import type { GraphNotificationRecord, Store, UserKey } from '../store/store';
import type { SubscriptionMaintainer } from './create-subscription-maintainer';
import { erpTrigger } from './erp-trigger';

export interface NotificationProcessorOptions {
  store: Pick<Store, 'graphNotifications' | 'graphSubscriptions' | 'runs'>;
  /** Starts a mailbox's run, or answers with the run already queued or going (in process or through pg-boss). */
  runs: Pick<ContactSyncPort, 'runNow'>;
  subscriptions: Pick<SubscriptionMaintainer, 'maintainMailbox'>;
  logger: Logger;
  now?: () => Date;
  /** How long a pass holds the notifications it claimed (another bridge takes them after). */
  claimMs?: number;
  /** When notifications that wait for a mailbox's run to end are looked at again. */
  retryMs?: number;
  /** Notifications claimed per pass. */
  batchSize?: number;
  /** Told, in seconds, how long after the first notification it covered each run finished (the notification lag). */
  observeLag?: (seconds: number) => void;
}

export interface ProcessOutcome {
  /** Mailboxes whose notifications a run started at or after their arrival covers. */
  covered: number;
  /** Mailboxes whose notifications wait for the run going to end, for one run after it. */
  waiting: number;
}

export interface NotificationProcessor {
  /** One pass over the inbox: lifecycle events handled, one run queued per mailbox with changes. */
  processPending(): Promise<ProcessOutcome>;
}

/** The sync refused the mailbox for good (sync turned off, the user forgotten): its notifications have nothing to do. */
const isRefusal = (error: unknown) => error instanceof ApiError && error.status < 500;

/**
 * Turns stored notifications into runs, coalesced per mailbox: all the notifications a run
 * started after (in `runs`, its `startedAt`) are covered by it, whatever their number; those that
 * arrived while a run was going wait for it to end, then get one more run. Lifecycle events:
 * `reauthorizationRequired` renews now, `subscriptionRemoved` subscribes again and runs,
 * `missed` runs (a delta run catches up on whatever was missed).
 */
export function createNotificationProcessor(options: NotificationProcessorOptions): NotificationProcessor {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  const claimMs = options.claimMs ?? 60_000;
  const retryMs = options.retryMs ?? 1_000;
  /** Runs that covered notifications, until their record says they finished: their first notification's arrival. */
  const awaitingEnd = new Map<string, { user: UserKey; arrivedMs: number }>();

  /** Reports the lag of the watched runs that finished since the last pass; forgets runs gone or older than a day. */
  async function observeFinishedRuns(): Promise<void> {
    if (!options.observeLag) return;
    for (const [runId, { user, arrivedMs }] of awaitingEnd) {
      const run = await store.runs.get(user, runId);
      if (run?.finishedAt) options.observeLag((Date.parse(run.finishedAt) - arrivedMs) / 1000);
      if (!run || run.finishedAt || now().getTime() - arrivedMs > 24 * 60 * 60_000) awaitingEnd.delete(runId);
    }
  }

  async function handleLifecycle(environment: string, user: UserKey, notifications: readonly GraphNotificationRecord[]): Promise<void> {
    let maintain = false;
    for (const notification of notifications) {
      if (notification.kind === 'reauthorizationRequired') {
        await store.graphSubscriptions.update(user, notification.collection, { state: 'reauthorize' });
        maintain = true;
      }
      if (notification.kind === 'subscriptionRemoved') {
        const current = await store.graphSubscriptions.get(user, notification.collection);
        // Only if it still is the removed one: a notification about an older subscription changes nothing.
        if (current?.subscriptionId === notification.subscriptionId) await store.graphSubscriptions.remove(user, notification.collection);
        maintain = true;
      }
    }
    if (maintain) await options.subscriptions.maintainMailbox(environment, user);
  }

  async function processMailbox(notifications: readonly GraphNotificationRecord[]): Promise<'covered' | 'waiting'> {
    const [first] = notifications;
    if (!first) return 'covered';
    const { environment, user } = first;
    const done = notifications.map((notification) => notification.id);
    await handleLifecycle(environment, user, notifications);
    const needRun = notifications.filter((notification) => notification.kind !== 'reauthorizationRequired');
    if (needRun.length === 0) {
      await store.graphNotifications.markProcessed(done, now().toISOString());
      return 'covered';
    }
    let startedAt: string | undefined;
    let runId: string;
    try {
      runId = (await options.runs.runNow(environment, user, {})).runId;
      startedAt = (await store.runs.get(user, runId))?.startedAt;
    } catch (error) {
      if (!isRefusal(error)) throw error;
      logger.info({ environment, user: user.objectId, reason: error instanceof Error ? error.message : String(error) }, 'graph notifications of a mailbox that does not sync dropped');
      await store.graphNotifications.markProcessed(done, now().toISOString());
      return 'covered';
    }
    const lastArrival = needRun.reduce((latest, notification) => (notification.receivedAt > latest ? notification.receivedAt : latest), '');
    if (startedAt !== undefined && startedAt >= lastArrival) {
      await store.graphNotifications.markProcessed(done, now().toISOString());
      // Graph's notifications only: the ERP-side triggers queued in the same inbox are not notifications.
      const fromGraph = needRun.filter((notification) => notification.subscriptionId !== erpTrigger).map((notification) => notification.receivedAt).sort();
      const [firstArrival] = fromGraph;
      if (options.observeLag && firstArrival !== undefined && !awaitingEnd.has(runId)) awaitingEnd.set(runId, { user, arrivedMs: Date.parse(firstArrival) });
      return 'covered';
    }
    // The run going started before some of these arrived: they wait for it to end, then get one run.
    const waiting = needRun.map((notification) => notification.id);
    await store.graphNotifications.markProcessed(done.filter((id) => !waiting.includes(id)), now().toISOString());
    await store.graphNotifications.release(waiting, new Date(now().getTime() + retryMs).toISOString());
    return 'waiting';
  }

  return {
    async processPending() {
      const at = now();
      const claimed = await store.graphNotifications.claim(at.toISOString(), new Date(at.getTime() + claimMs).toISOString(), options.batchSize ?? 1_000);
      const byMailbox = new Map<string, GraphNotificationRecord[]>();
      for (const notification of claimed) {
        const key = `${notification.environment}/${notification.user.tenantId}/${notification.user.objectId}`;
        byMailbox.set(key, [...(byMailbox.get(key) ?? []), notification]);
      }
      await observeFinishedRuns().catch((error: unknown) => logger.warn({ err: error }, 'notification lag not observed'));
      const outcome: ProcessOutcome = { covered: 0, waiting: 0 };
      for (const notifications of byMailbox.values()) {
        try {
          outcome[await processMailbox(notifications)] += 1;
        } catch (error) {
          // Left claimed: another pass takes them once the claim runs out.
          logger.warn({ err: error, environment: notifications[0]?.environment, user: notifications[0]?.user.objectId }, 'graph notifications of a mailbox not processed');
        }
      }
      return outcome;
    },
  };
}
