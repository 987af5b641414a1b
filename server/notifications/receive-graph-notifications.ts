import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { GraphNotificationRecord, Store } from '../store/store';
import type { GraphNotificationBody } from './graph-notification-schema';
import { matchesClientState } from './matches-client-state';
import { notificationFingerprint } from './notification-fingerprint';

export interface ReceiveOptions {
  store: Pick<Store, 'graphSubscriptions' | 'graphNotifications'>;
  logger: Logger;
  now?: () => Date;
  newId?: () => string;
  /** Told once notifications were stored, so processing starts without waiting for its next pass. */
  onStored?: () => void;
}

export interface ReceiveOutcome {
  stored: number;
  replayed: number;
  dropped: number;
}

/**
 * Checks each notification of a POST against the subscription it names (known to the store, the
 * same tenant, its clientState in constant time) and stores the genuine ones in the inbox for any
 * bridge to process; the rest are logged (without their clientState) and dropped. Only store work
 * happens here, so Graph gets its answer well within 3 s.
 */
export async function receiveGraphNotifications(body: GraphNotificationBody, options: ReceiveOptions): Promise<ReceiveOutcome> {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const outcome: ReceiveOutcome = { stored: 0, replayed: 0, dropped: 0 };
  for (const notification of body.value) {
    const subscription = await store.graphSubscriptions.findBySubscriptionId(notification.subscriptionId);
    const sameTenant = subscription !== undefined && (notification.tenantId ?? subscription.user.tenantId).toLowerCase() === subscription.user.tenantId.toLowerCase();
    if (!subscription || !sameTenant || !matchesClientState(notification.clientState, subscription.clientStateHash)) {
      // Never the received or the expected clientState: both are secrets.
      logger.warn(
        { subscriptionId: notification.subscriptionId, reason: subscription ? (sameTenant ? 'client_state_mismatch' : 'tenant_mismatch') : 'unknown_subscription' },
        'graph notification dropped',
      );
      outcome.dropped += 1;
      continue;
    }
    const record: GraphNotificationRecord = {
      id: newId(),
      fingerprint: notificationFingerprint(notification),
      subscriptionId: notification.subscriptionId,
      user: subscription.user,
      environment: subscription.environment,
      collection: subscription.collection,
      kind: notification.lifecycleEvent ?? 'change',
      receivedAt: now().toISOString(),
    };
    if (await store.graphNotifications.add(record)) outcome.stored += 1;
    else outcome.replayed += 1;
  }
  if (outcome.stored > 0) options.onStored?.();
  return outcome;
}
