import type { Subscription } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../create-graph-client';
import type { Mailbox } from '../mailbox-path';

export interface SubscriptionRequest {
  /** What to watch, such as `/users/{id}/contactFolders/{folderId}/contacts`. */
  resource: string;
  /** `created,updated,deleted`. */
  changeType: string;
  notificationUrl: string;
  /** Where `reauthorizationRequired`, `subscriptionRemoved` and `missed` go; it can only be set now, at creation. */
  lifecycleNotificationUrl: string;
  /** A secret of at most 128 characters that Graph sends back with every notification. */
  clientState: string;
  expirationDateTime: string;
}

/**
 * Creates a change-notification subscription with basic notifications (no resource data). Graph
 * first calls `notificationUrl` (and `lifecycleNotificationUrl`) with a `validationToken`, and
 * refuses the subscription (400) unless each echoes it within 10 s. Sent with immutable ids, so
 * notifications name items by the ids the sync stores. Not retried on an unknown outcome: a second
 * POST would make a second subscription.
 */
export function createSubscription(client: GraphClient, mailbox: Mailbox, request: SubscriptionRequest): Promise<Subscription> {
  return client.request<Subscription>('POST', '/subscriptions', { body: request, mailbox });
}
