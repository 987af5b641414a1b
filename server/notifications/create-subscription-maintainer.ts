import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createSubscription } from '../../src/graph/subscriptions/create-subscription';
import { deleteSubscription } from '../../src/graph/subscriptions/delete-subscription';
import { renewSubscription } from '../../src/graph/subscriptions/renew-subscription';
import { SyncError } from '../../src/sync/sync-error';
import type { EnvironmentConfig } from '../config/config-schema';
import type { GraphAccess } from '../jobs/create-graph-access';
import { createStoreTaskSync } from '../jobs/create-store-task-sync';
import { readUserSettings } from '../policy/read-user-settings';
import type { GraphSubscriptionRecord, Store, UserKey } from '../store/store';
import { hashClientState } from './hash-client-state';
import { planSubscriptionChanges, type SubscriptionChange, type WantedSubscription } from './plan-subscription-changes';
import { subscribedCollections, type SubscribedCollection } from './subscribed-collections';

/** Subscriptions are asked for this much under the documented maximum, so a clock ahead of Graph's is never refused. */
const lifetimeMarginMs = 15 * 60_000;
/** A reservation older than this was left by a bridge that stopped while creating. */
const reservationStaleMs = 5 * 60_000;
/** Graph could not delete it for good reasons (the user's tokens are gone): it expires on its own, and its notifications are dropped. */
const givingUpCodes = new Set(['auth_required', 'forbidden', 'not_found', 'invalid_input']);

export interface SubscriptionMaintainerOptions {
  store: Store;
  environments: ReadonlyMap<string, { config: EnvironmentConfig }>;
  graphAccess: Pick<GraphAccess, 'clientFor' | 'mailboxOf' | 'isConnected'>;
  /** `https://bridge.example.com/api/notifications/graph`: Graph's change and lifecycle notifications go there. */
  notificationUrl: string;
  logger: Logger;
  /** A subscription was made anew (Graph removed it, or it expired): changes since may have gone unnotified, so the mailbox needs a run. */
  onResubscribed: (environment: string, user: UserKey) => void;
  now?: () => Date;
  /** A new clientState secret (at most 128 characters). */
  newSecret?: () => string;
  collections?: readonly SubscribedCollection[];
}

export interface SubscriptionMaintainer {
  /** One pass over every mailbox of every environment: creates, renews, replaces and deletes subscriptions. */
  maintainAll(): Promise<void>;
  /** The same for one mailbox, at once (a lifecycle notification asked for it). */
  maintainMailbox(environment: string, user: UserKey): Promise<void>;
  /** Whether every collection the mailbox syncs has a live subscription, so its poll can wait longer. */
  isHealthy(environment: string, user: UserKey): Promise<boolean>;
}

/**
 * Keeps one Graph subscription per synced collection and mailbox (basic notifications, the
 * bridge's notification URL for changes and lifecycle events, a random clientState per
 * subscription whose hash only is stored), renewed before expiry within each resource's
 * documented maximum lifetime, and removed when the mailbox stops syncing the collection.
 */
export function createSubscriptionMaintainer(options: SubscriptionMaintainerOptions): SubscriptionMaintainer {
  const { store, environments, graphAccess, logger } = options;
  const now = options.now ?? (() => new Date());
  const newSecret = options.newSecret ?? (() => randomBytes(32).toString('base64url'));
  const collections = options.collections ?? subscribedCollections;
  const collectionOf = (name: string) => collections.find((collection) => collection.name === name);
  const lifetimeMs = (name: string) => (collectionOf(name)?.maximumLifetimeMinutes ?? 0) * 60_000 - lifetimeMarginMs;

  async function wantedOf(environment: string, user: UserKey): Promise<WantedSubscription[]> {
    const configured = environments.get(environment);
    if (!configured || !(await store.users.get(user)) || !(await graphAccess.isConnected(environment, user))) return [];
    const settings = await readUserSettings(store, configured.config, user);
    const mailbox = graphAccess.mailboxOf(user);
    // The To Do list is the one the last task run used (found by name or created), kept with its cursors.
    const taskListId = settings.actionsEnabled ? (await createStoreTaskSync(store, user, now).readState()).list?.id : undefined;
    const known = taskListId === undefined ? {} : { taskListId };
    return collections.flatMap((collection) => {
      const resource = collection.resourceOf(mailbox, settings, known);
      return resource === undefined ? [] : [{ user, environment, collection: collection.name, resource }];
    });
  }

  async function wantedEverywhere(): Promise<WantedSubscription[]> {
    const wanted: WantedSubscription[] = [];
    for (const environment of environments.keys()) {
      if (!(await store.activations.get(environment))?.syncActivated) continue;
      for (const record of await store.users.listByEnvironment(environment)) {
        const user = { tenantId: record.tenantId, objectId: record.objectId };
        try {
          wanted.push(...(await wantedOf(environment, user)));
        } catch (error) {
          logger.warn({ err: error, environment, user: user.objectId }, 'mailbox skipped by the subscription pass');
        }
      }
    }
    return wanted;
  }

  async function create(wanted: WantedSubscription): Promise<void> {
    const { user, environment, collection, resource } = wanted;
    const secret = newSecret();
    const at = now();
    const expiresAt = new Date(at.getTime() + lifetimeMs(collection)).toISOString();
    const reserved = await store.graphSubscriptions.reserve(
      { user, environment, collection, resource, clientStateHash: hashClientState(secret), expiresAt, updatedAt: at.toISOString() },
      new Date(at.getTime() - reservationStaleMs).toISOString(),
    );
    if (!reserved) return;
    try {
      const created = await createSubscription(graphAccess.clientFor(environment, user), graphAccess.mailboxOf(user), {
        resource, changeType: 'created,updated,deleted', notificationUrl: options.notificationUrl, lifecycleNotificationUrl: options.notificationUrl,
        clientState: secret, expirationDateTime: expiresAt,
      });
      const answered = created.expirationDateTime ? new Date(created.expirationDateTime).toISOString() : expiresAt;
      await store.graphSubscriptions.update(user, collection, { subscriptionId: created.id ?? '', state: 'active', expiresAt: answered, updatedAt: now().toISOString() });
      logger.info({ environment, user: user.objectId, collection, subscriptionId: created.id, expiresAt: answered }, 'graph subscription created');
    } catch (error) {
      await store.graphSubscriptions.remove(user, collection);
      throw error;
    }
  }

  /** Deletes from Graph, then forgets it; false when Graph could not be reached, to try again on the next pass. */
  async function remove(existing: GraphSubscriptionRecord): Promise<boolean> {
    const { user, environment, collection, subscriptionId } = existing;
    if (subscriptionId) {
      try {
        await deleteSubscription(graphAccess.clientFor(environment, user), graphAccess.mailboxOf(user), subscriptionId);
      } catch (error) {
        if (!(error instanceof SyncError && givingUpCodes.has(error.code))) throw error;
        logger.warn({ err: error, environment, user: user.objectId, collection, subscriptionId }, 'graph subscription left to expire');
      }
    }
    await store.graphSubscriptions.remove(user, collection);
    logger.info({ environment, user: user.objectId, collection, subscriptionId }, 'graph subscription removed');
    return true;
  }

  async function renew(existing: GraphSubscriptionRecord): Promise<void> {
    const { user, environment, collection, subscriptionId } = existing;
    const expiresAt = new Date(now().getTime() + lifetimeMs(collection)).toISOString();
    try {
      await renewSubscription(graphAccess.clientFor(environment, user), graphAccess.mailboxOf(user), subscriptionId ?? '', expiresAt);
      await store.graphSubscriptions.update(user, collection, { state: 'active', expiresAt, updatedAt: now().toISOString() });
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'not_found')) throw error;
      // Graph no longer has it (expired, removed): a new one, and a run for what went unnotified.
      await store.graphSubscriptions.remove(user, collection);
      await create({ user, environment, collection, resource: existing.resource });
      options.onResubscribed(environment, user);
    }
  }

  async function apply(change: SubscriptionChange): Promise<void> {
    switch (change.kind) {
      case 'create':
        return create(change.wanted);
      case 'renew':
        return renew(change.existing);
      case 'replace':
        await remove(change.existing);
        await create(change.wanted);
        options.onResubscribed(change.wanted.environment, change.wanted.user);
        return;
      case 'delete':
        await remove(change.existing);
        return;
    }
  }

  async function applyAll(wanted: readonly WantedSubscription[], existing: readonly GraphSubscriptionRecord[]): Promise<void> {
    const changes = planSubscriptionChanges(wanted, existing, {
      nowMs: now().getTime(),
      renewWithinMs: (collection) => lifetimeMs(collection) / 4,
      reservationStaleMs,
    });
    for (const change of changes) {
      const record = change.kind === 'create' ? change.wanted : change.existing;
      try {
        await apply(change);
      } catch (error) {
        logger.warn({ err: error, change: change.kind, environment: record.environment, user: record.user.objectId, collection: record.collection }, 'graph subscription change failed');
      }
    }
  }

  const sameUser = (a: UserKey, b: UserKey) => a.tenantId === b.tenantId && a.objectId === b.objectId;

  return {
    async maintainAll() {
      await applyAll(await wantedEverywhere(), await store.graphSubscriptions.list());
    },
    async maintainMailbox(environment, user) {
      const existing = (await store.graphSubscriptions.list()).filter((record) => sameUser(record.user, user));
      await applyAll(await wantedOf(environment, user), existing);
    },
    async isHealthy(environment, user) {
      const wanted = await wantedOf(environment, user);
      if (wanted.length === 0) return false;
      const nowMs = now().getTime();
      for (const { collection } of wanted) {
        const record = await store.graphSubscriptions.get(user, collection);
        if (record?.state !== 'active' || !(Date.parse(record.expiresAt) > nowMs)) return false;
      }
      return true;
    },
  };
}
