import type { SyncSettings } from '../../src/domain/sync-settings';

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** One synced collection whose Outlook changes Graph notifies the bridge of. */
export interface SubscribedCollection {
  /** The store's and the run's name of the collection. */
  name: string;
  /** The Graph resource to watch for a mailbox with these settings, or nothing when the mailbox does not sync it. */
  resourceOf(mailbox: string, settings: SyncSettings): string | undefined;
  /** The documented maximum lifetime of a subscription with basic notifications (graph-facts §4). */
  maximumLifetimeMinutes: number;
  /** The lifecycle notifications Graph sends for the resource. */
  lifecycleEvents: readonly LifecycleEvent[];
}

/** A resource is a string of the subscription's JSON, not a URL: ids go in as they are (Outlook ids hold `=` and `-`). */
const users = (mailbox: string) => `/users/${mailbox}`;

/**
 * The collections the bridge subscribes to, one subscription per mailbox each. Adding one is one
 * entry: events would be `/users/{id}/events` (calendarView is no notification resource;
 * 10,080 minutes; all three lifecycle events), To Do tasks `/users/{id}/todo/lists/{listId}/tasks`
 * (4,230 minutes; `reauthorizationRequired` only).
 */
export const subscribedCollections: readonly SubscribedCollection[] = [
  {
    name: 'contacts',
    resourceOf: (mailbox, settings) =>
      settings.enabled && settings.contacts !== 'off' && settings.contactFolderId
        ? `${users(mailbox)}/contactFolders/${settings.contactFolderId}/contacts`
        : undefined,
    maximumLifetimeMinutes: 10_080,
    lifecycleEvents: ['reauthorizationRequired', 'subscriptionRemoved', 'missed'],
  },
];
