import type { ChangeType } from '@microsoft/microsoft-graph-types';
import type { MailboxItemKind } from './mailbox-change-feed';
import type { IdType } from './render-contact';

/** What a subscription watches: one collection of one mailbox. */
export interface SubscriptionTarget {
  mailboxId: string;
  kind: MailboxItemKind;
  /** The contact folder, calendar or To Do list whose items are watched. */
  containerId: string;
}

export interface SubscriptionRecord {
  id: string;
  tenantId: string;
  applicationId: string;
  /** The signed-in user (delegated) or the app's service principal (application). */
  creatorId: string;
  /** As the client wrote it; notifications name items under the mailbox's user id instead. */
  resource: string;
  target: SubscriptionTarget;
  changeTypes: ReadonlySet<ChangeType>;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  latestSupportedTlsVersion: string;
  expirationMs: number;
  /** `Prefer: IdType="ImmutableId"` on create: notifications then carry immutable ids. */
  idType: IdType;
  /** After `reauthorizationRequired`, change notifications pause until a PATCH or `/reauthorize`. */
  needsReauthorization: boolean;
}

/** Maximum lifetimes (graph-facts §4): Outlook contact and event 10,080 minutes, todoTask 4,230. */
export const maximumLifetimeMinutes: Readonly<Record<MailboxItemKind, number>> = { contact: 10_080, event: 10_080, task: 4_230 };
