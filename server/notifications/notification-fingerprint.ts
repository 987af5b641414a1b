import { createHash } from 'node:crypto';
import type { GraphChangeNotification } from './graph-notification-schema';

/**
 * What makes two notifications the same one, so a replay is stored once: a change is the item's
 * version (its etag) under the subscription; a lifecycle event is the event for the subscription's
 * current expiry (a renewed subscription's next event is a new one).
 */
export function notificationFingerprint(notification: GraphChangeNotification): string {
  const parts = notification.lifecycleEvent
    ? ['lifecycle', notification.subscriptionId, notification.lifecycleEvent, notification.subscriptionExpirationDateTime ?? '']
    : ['change', notification.subscriptionId, notification.changeType ?? '', notification.resource ?? '', notification.resourceData?.['@odata.etag'] ?? ''];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
