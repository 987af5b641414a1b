import { randomUUID } from 'node:crypto';
import type { ChangeNotification, LifecycleEventType } from '@microsoft/microsoft-graph-types';
import type { EmulatorState } from './emulator-state';
import { GraphError } from './graph-error';
import type { GraphPrincipal } from './graph-principal';
import type { Mailbox } from './mailbox';
import type { MailboxChange } from './mailbox-change-feed';
import type { NotificationClient, NotificationDelivery } from './notification-client';
import type { SubscriptionCreateInput, SubscriptionUpdateInput } from './parse-subscription-input';
import type { IdType } from './render-contact';
import { resolveSubscriptionResource } from './resolve-subscription-resource';
import { maximumLifetimeMinutes, type SubscriptionRecord } from './subscription-record';

export interface SubscriptionRegistryDeps {
  state: EmulatorState;
  client: NotificationClient;
  now: () => number;
}

/** Graph writes subscription times with seven fractional digits: `2016-11-20T18:23:45.9350000Z`. */
export function formatSubscriptionDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

const notFound = () => new GraphError(404, 'ResourceNotFound', 'The object was not found.');

/** Which lifecycle events a resource gets (Graph: subscriptionRemoved and missed for Outlook contact, event, message). */
const lifecycleEventsOf = {
  contact: ['reauthorizationRequired', 'subscriptionRemoved', 'missed'],
  event: ['reauthorizationRequired', 'subscriptionRemoved', 'missed'],
  task: ['reauthorizationRequired'],
} as const satisfies Record<SubscriptionRecord['target']['kind'], readonly LifecycleEventType[]>;

/** How notifications name an item: `Users/{user id}/Events/{id}`, as Outlook writes them. */
function resourceOf(subscription: SubscriptionRecord, change: MailboxChange, itemId: string): { path: string; odataType: string } {
  const userPath = `Users/${subscription.target.mailboxId}`;
  switch (change.kind) {
    case 'contact':
      return { path: `${userPath}/Contacts/${itemId}`, odataType: '#Microsoft.Graph.Contact' };
    case 'event':
      return { path: `${userPath}/Events/${itemId}`, odataType: '#Microsoft.Graph.Event' };
    case 'task':
      return { path: `${userPath}/todo/lists/${change.containerId}/tasks/${itemId}`, odataType: '#Microsoft.Graph.todoTask' };
  }
}

/**
 * The tenant's change-notification subscriptions: created after the endpoint passes the
 * validation handshake, renewed by PATCH, removed on DELETE or when they expire. Every mailbox
 * write is matched against them and POSTed to the matching `notificationUrl`s.
 */
export class SubscriptionRegistry {
  private readonly subscriptions = new Map<string, SubscriptionRecord>();

  constructor(private readonly deps: SubscriptionRegistryDeps) {}

  async create(input: SubscriptionCreateInput, principal: GraphPrincipal, idType: IdType): Promise<SubscriptionRecord> {
    const target = resolveSubscriptionResource(input.resource, principal, this.deps.state);
    this.assertExpiration(input.expirationMs, target.kind);
    this.deps.client.assertUsableUrl(input.notificationUrl, 'notificationUrl');
    if (input.lifecycleNotificationUrl !== null) this.deps.client.assertUsableUrl(input.lifecycleNotificationUrl, 'lifecycleNotificationUrl');
    await this.deps.client.validate(input.notificationUrl);
    if (input.lifecycleNotificationUrl !== null) await this.deps.client.validate(input.lifecycleNotificationUrl);
    const subscription: SubscriptionRecord = {
      id: randomUUID(),
      tenantId: principal.tenantId,
      applicationId: principal.appId,
      creatorId: principal.kind === 'delegated' ? principal.userId : (principal.servicePrincipalId ?? principal.appId),
      resource: input.resource,
      target,
      changeTypes: input.changeTypes,
      notificationUrl: input.notificationUrl,
      lifecycleNotificationUrl: input.lifecycleNotificationUrl,
      clientState: input.clientState,
      latestSupportedTlsVersion: input.latestSupportedTlsVersion,
      expirationMs: input.expirationMs,
      idType,
      needsReauthorization: false,
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  /** The caller's subscriptions: its app's, and for a delegated caller only the signed-in user's. */
  list(principal: GraphPrincipal): SubscriptionRecord[] {
    return this.active().filter((subscription) => this.isVisibleTo(subscription, principal));
  }

  find(id: string, principal: GraphPrincipal): SubscriptionRecord {
    const subscription = this.activeById(id);
    if (!subscription || !this.isVisibleTo(subscription, principal)) throw notFound();
    return subscription;
  }

  /** Renewing or moving the endpoint also reauthorizes the subscription. */
  async update(id: string, principal: GraphPrincipal, input: SubscriptionUpdateInput): Promise<SubscriptionRecord> {
    const subscription = this.find(id, principal);
    if (input.expirationMs !== undefined) this.assertExpiration(input.expirationMs, subscription.target.kind);
    if (input.notificationUrl !== undefined) {
      this.deps.client.assertUsableUrl(input.notificationUrl, 'notificationUrl');
      await this.deps.client.validate(input.notificationUrl);
      subscription.notificationUrl = input.notificationUrl;
    }
    if (input.expirationMs !== undefined) subscription.expirationMs = input.expirationMs;
    subscription.needsReauthorization = false;
    return subscription;
  }

  reauthorize(id: string, principal: GraphPrincipal): void {
    this.find(id, principal).needsReauthorization = false;
  }

  delete(id: string, principal: GraphPrincipal): void {
    this.subscriptions.delete(this.find(id, principal).id);
  }

  /** Every subscription of every app, for the admin API. */
  all(): SubscriptionRecord[] {
    return this.active();
  }

  /** Ends a subscription now, as Graph does when it is not renewed in time. */
  expire(id: string): void {
    if (!this.subscriptions.delete(id)) throw notFound();
  }

  /**
   * Sends a lifecycle notification to the subscription's `lifecycleNotificationUrl`. Its effect
   * follows Graph: `subscriptionRemoved` deletes the subscription, `reauthorizationRequired`
   * pauses change notifications until a PATCH or `/reauthorize`, `missed` changes nothing.
   */
  triggerLifecycleEvent(id: string, lifecycleEvent: LifecycleEventType): NotificationDelivery | undefined {
    const subscription = this.activeById(id);
    if (!subscription) throw notFound();
    const supported: readonly LifecycleEventType[] = lifecycleEventsOf[subscription.target.kind];
    if (!supported.includes(lifecycleEvent)) {
      throw new GraphError(400, 'InvalidRequest', `Graph sends ${lifecycleEvent} notifications for Outlook contacts and events only, not To Do tasks.`);
    }
    if (lifecycleEvent === 'subscriptionRemoved') this.subscriptions.delete(id);
    if (lifecycleEvent === 'reauthorizationRequired') subscription.needsReauthorization = true;
    if (subscription.lifecycleNotificationUrl === null) return undefined;
    const notification: ChangeNotification = {
      subscriptionId: subscription.id,
      subscriptionExpirationDateTime: formatSubscriptionDateTime(subscription.expirationMs),
      tenantId: subscription.tenantId,
      clientState: subscription.clientState,
      lifecycleEvent,
    };
    return this.deps.client.deliver(subscription.id, 'lifecycle', subscription.lifecycleNotificationUrl, { value: [notification] });
  }

  /** Called for every write to a mailbox item; never throws into the write. */
  onMailboxChange(mailbox: Mailbox, change: MailboxChange): void {
    for (const subscription of this.active()) {
      const { target } = subscription;
      if (target.mailboxId !== mailbox.user.id || target.kind !== change.kind || target.containerId !== change.containerId) continue;
      if (!subscription.changeTypes.has(change.changeType)) continue;
      const itemId = subscription.idType === 'immutable' ? change.immutableId : change.itemId;
      const resource = resourceOf(subscription, change, itemId);
      const resourceData: Record<string, string> = { '@odata.type': resource.odataType, '@odata.id': resource.path };
      if (change.changeKey !== undefined) resourceData['@odata.etag'] = `W/"${change.changeKey}"`;
      resourceData.id = itemId;
      const notification: ChangeNotification = {
        subscriptionId: subscription.id,
        subscriptionExpirationDateTime: formatSubscriptionDateTime(subscription.expirationMs),
        changeType: change.changeType,
        resource: resource.path,
        resourceData,
        clientState: subscription.clientState,
        tenantId: subscription.tenantId,
      };
      if (subscription.needsReauthorization) this.deps.client.holdBack(subscription.id, subscription.notificationUrl, { value: [notification] });
      else this.deps.client.deliver(subscription.id, 'change', subscription.notificationUrl, { value: [notification] });
    }
  }

  private assertExpiration(expirationMs: number, kind: SubscriptionRecord['target']['kind']): void {
    const now = this.deps.now();
    const maximum = maximumLifetimeMinutes[kind];
    if (expirationMs <= now) throw new GraphError(400, 'InvalidRequest', 'Subscription expiration must be in the future.');
    if (expirationMs > now + maximum * 60_000) {
      throw new GraphError(400, 'ExtensionError', `Subscription expiration can only be ${maximum} minutes in the future.`);
    }
  }

  private isVisibleTo(subscription: SubscriptionRecord, principal: GraphPrincipal): boolean {
    if (subscription.tenantId.toLowerCase() !== principal.tenantId.toLowerCase() || subscription.applicationId !== principal.appId) return false;
    return principal.kind === 'application' || subscription.creatorId === principal.userId;
  }

  private activeById(id: string): SubscriptionRecord | undefined {
    const subscription = this.subscriptions.get(id);
    if (subscription && subscription.expirationMs <= this.deps.now()) {
      this.subscriptions.delete(id);
      return undefined;
    }
    return subscription;
  }

  /** Subscriptions not yet expired; expired ones are dropped, as Graph deletes them. */
  private active(): SubscriptionRecord[] {
    return [...this.subscriptions.keys()].flatMap((id) => {
      const subscription = this.activeById(id);
      return subscription ? [subscription] : [];
    });
  }
}
