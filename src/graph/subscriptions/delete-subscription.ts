import { SyncError } from '../../sync/sync-error';
import type { GraphClient } from '../create-graph-client';
import type { Mailbox } from '../mailbox-path';

/** Deletes a subscription; one Graph no longer has (expired, removed) counts as deleted. */
export async function deleteSubscription(client: GraphClient, mailbox: Mailbox, subscriptionId: string): Promise<void> {
  try {
    await client.request<undefined>('DELETE', `/subscriptions/${encodeURIComponent(subscriptionId)}`, { mailbox });
  } catch (error) {
    if (error instanceof SyncError && error.code === 'not_found') return;
    throw error;
  }
}
