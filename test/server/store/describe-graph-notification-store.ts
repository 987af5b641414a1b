import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GraphNotificationRecord, GraphSubscriptionRecord } from '../../../server/store/store';
import type { CurrentStore } from './describe-store-contract';
import { aUserKey } from './store-record-builders';

const aSubscription = (overrides: Partial<GraphSubscriptionRecord> = {}): Omit<GraphSubscriptionRecord, 'state' | 'subscriptionId'> => ({
  user: aUserKey(),
  collection: 'contacts',
  environment: 'contoso',
  resource: '/users/u/contactFolders/f/contacts',
  clientStateHash: 'a'.repeat(64),
  expiresAt: '2025-03-08T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
  ...overrides,
});

const aNotification = (overrides: Partial<GraphNotificationRecord> = {}): GraphNotificationRecord => ({
  id: randomUUID(),
  fingerprint: randomUUID(),
  subscriptionId: randomUUID(),
  user: aUserKey(),
  environment: 'contoso',
  collection: 'contacts',
  kind: 'change',
  receivedAt: '2025-03-01T10:00:00.000Z',
  ...overrides,
});

export function describeGraphNotificationStore(store: CurrentStore): void {
  describe('graph subscriptions', () => {
    it('lets one bridge reserve a mailbox collection, and another take over only a stale reservation', async () => {
      const subscription = aSubscription();
      expect(await store().graphSubscriptions.reserve(subscription, '2025-03-01T09:55:00.000Z')).toBe(true);
      expect(await store().graphSubscriptions.reserve({ ...subscription, updatedAt: '2025-03-01T10:01:00.000Z' }, '2025-03-01T09:56:00.000Z')).toBe(false);
      expect(await store().graphSubscriptions.reserve({ ...subscription, updatedAt: '2025-03-01T10:10:00.000Z' }, '2025-03-01T10:05:00.000Z')).toBe(true);
      expect(await store().graphSubscriptions.get(subscription.user, 'contacts')).toEqual({ ...subscription, updatedAt: '2025-03-01T10:10:00.000Z', state: 'creating' });
    });

    it('never takes over an active subscription, and finds it by Graph id once created', async () => {
      const subscription = aSubscription();
      const subscriptionId = randomUUID();
      await store().graphSubscriptions.reserve(subscription, '2025-03-01T09:55:00.000Z');
      expect(await store().graphSubscriptions.update(subscription.user, 'contacts', { subscriptionId, state: 'active' })).toBe(true);
      expect(await store().graphSubscriptions.reserve(subscription, '2025-03-02T00:00:00.000Z')).toBe(false);
      expect(await store().graphSubscriptions.findBySubscriptionId(subscriptionId)).toEqual({ ...subscription, subscriptionId, state: 'active' });
      expect((await store().graphSubscriptions.list()).filter((row) => row.subscriptionId === subscriptionId)).toHaveLength(1);
      expect(await store().graphSubscriptions.remove(subscription.user, 'contacts')).toBe(true);
      expect(await store().graphSubscriptions.findBySubscriptionId(subscriptionId)).toBeUndefined();
      expect(await store().graphSubscriptions.update(subscription.user, 'contacts', { state: 'active' })).toBe(false);
    });
  });

  describe('graph notifications', () => {
    it('stores a replayed notification once', async () => {
      const notification = aNotification();
      expect(await store().graphNotifications.add(notification)).toBe(true);
      expect(await store().graphNotifications.add({ ...notification, id: randomUUID() })).toBe(false);
      const claimed = await store().graphNotifications.claim('2025-03-01T10:00:01.000Z', '2025-03-01T10:01:00.000Z', 10_000);
      expect(claimed.filter((row) => row.fingerprint === notification.fingerprint)).toEqual([notification]);
      await store().graphNotifications.markProcessed(claimed.map((row) => row.id), '2025-03-01T10:00:02.000Z');
    });

    it('hands a notification to one claim until it is released or its claim runs out, and never once processed', async () => {
      const first = aNotification({ receivedAt: '2025-03-01T10:00:00.000Z' });
      const second = aNotification({ receivedAt: '2025-03-01T10:00:01.000Z' });
      await store().graphNotifications.add(second);
      await store().graphNotifications.add(first);
      const claimed = await store().graphNotifications.claim('2025-03-01T10:00:02.000Z', '2025-03-01T10:01:00.000Z', 10_000);
      expect(claimed.map((row) => row.id)).toEqual([first.id, second.id]);
      expect(await store().graphNotifications.claim('2025-03-01T10:00:03.000Z', '2025-03-01T10:01:00.000Z', 10_000)).toEqual([]);
      await store().graphNotifications.release([second.id], '2025-03-01T10:00:05.000Z');
      expect(await store().graphNotifications.claim('2025-03-01T10:00:04.000Z', '2025-03-01T10:01:00.000Z', 10_000)).toEqual([]);
      expect((await store().graphNotifications.claim('2025-03-01T10:00:06.000Z', '2025-03-01T10:01:00.000Z', 10_000)).map((row) => row.id)).toEqual([second.id]);
      await store().graphNotifications.markProcessed([second.id], '2025-03-01T10:00:07.000Z');
      expect((await store().graphNotifications.claim('2025-03-01T10:02:00.000Z', '2025-03-01T10:03:00.000Z', 10_000)).map((row) => row.id)).toEqual([first.id]);
      await store().graphNotifications.markProcessed([first.id], '2025-03-01T10:02:01.000Z');
      expect(await store().graphNotifications.claim('2025-03-01T10:04:00.000Z', '2025-03-01T10:05:00.000Z', 10_000)).toEqual([]);
      expect(await store().graphNotifications.purge('2025-03-01T10:02:00.500Z')).toBeGreaterThanOrEqual(1);
      // Purged: the same notification is new again.
      expect(await store().graphNotifications.add(second)).toBe(true);
      await store().graphNotifications.markProcessed([second.id], '2025-03-01T10:00:07.000Z');
    });
  });
}
