import type { SyncSettings } from '../../src/domain/sync-settings';

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** What the bridge learned about a mailbox from its runs, which settings alone do not say. */
export interface MailboxCollectionsKnown {
  /** The To Do list the task collection syncs, once a run found or created it. */
  taskListId?: string;
}

/** One synced collection whose Outlook changes Graph notifies the bridge of. */
export interface SubscribedCollection {
  /** The store's and the run's name of the collection. */
  name: string;
  /** The Graph resource to watch for a mailbox with these settings, or nothing when the mailbox does not sync it. */
  resourceOf(mailbox: string, settings: SyncSettings, known: MailboxCollectionsKnown): string | undefined;
  /** The documented maximum lifetime of a subscription with basic notifications (graph-facts §4). */
  maximumLifetimeMinutes: number;
  /** The lifecycle notifications Graph sends for the resource. */
  lifecycleEvents: readonly LifecycleEvent[];
}

/** A resource is a string of the subscription's JSON, not a URL: ids go in as they are (Outlook ids hold `=` and `-`). */
const users = (mailbox: string) => `/users/${mailbox}`;

const syncsActions = (settings: SyncSettings, collection: 'events' | 'tasks') => settings.enabled && settings.actionsEnabled && settings[collection] !== 'off';

/**
 * The collections the bridge subscribes to, one subscription per mailbox each (graph-facts §4).
 * Events are watched on the calendar the actions go to: `/users/{id}/events` for the primary one
 * (calendarView is no notification resource), `/users/{id}/calendars/{id}/events` for a dedicated
 * one. To Do tasks on the list the task collection syncs, once a run has found or created it;
 * Graph keeps a todoTask subscription at most 4,230 minutes and sends it `reauthorizationRequired`
 * only.
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
  {
    name: 'events',
    resourceOf: (mailbox, settings) => {
      if (!syncsActions(settings, 'events')) return undefined;
      return settings.actionsCalendarId ? `${users(mailbox)}/calendars/${settings.actionsCalendarId}/events` : `${users(mailbox)}/events`;
    },
    maximumLifetimeMinutes: 10_080,
    lifecycleEvents: ['reauthorizationRequired', 'subscriptionRemoved', 'missed'],
  },
  {
    name: 'tasks',
    resourceOf: (mailbox, settings, known) =>
      syncsActions(settings, 'tasks') && known.taskListId ? `${users(mailbox)}/todo/lists/${known.taskListId}/tasks` : undefined,
    maximumLifetimeMinutes: 4_230,
    lifecycleEvents: ['reauthorizationRequired'],
  },
];
