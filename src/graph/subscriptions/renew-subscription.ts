import type { Subscription } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../create-graph-client';
import type { Mailbox } from '../mailbox-path';

/** Extends a subscription before it expires (PATCH `expirationDateTime`); this also reauthorizes it after `reauthorizationRequired`. */
export function renewSubscription(client: GraphClient, mailbox: Mailbox, subscriptionId: string, expirationDateTime: string): Promise<Subscription> {
  return client.request<Subscription>('PATCH', `/subscriptions/${encodeURIComponent(subscriptionId)}`, { body: { expirationDateTime }, mailbox });
}
