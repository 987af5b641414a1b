import type { LifecycleEventType } from '@microsoft/microsoft-graph-types';
import type { ContactFolderRecord } from './contact-record';
import type { CountersSnapshot, EmulatorCounters } from './emulator-counters';
import type { EmulatorState, Tenant } from './emulator-state';
import type { FaultConfig, FaultInjector, FaultKind } from './fault-injector';
import type { GraphContactFolderJson } from './render-contact-folder';
import { renderContactFolder } from './render-contact-folder';
import { GraphError, itemNotFound } from './graph-error';
import type { SeedContactFolder, SeedMailbox } from './graph-emulator-options';
import { inspectMailboxItems, type MailboxItemsSnapshot } from './inspect-mailbox-items';
import type { Mailbox } from './mailbox';
import type { MailboxThrottle, ThrottlingConfig } from './mailbox-throttle';
import type { InterceptionPoint, RequestInterceptor, ServiceLatency } from './middleware/throttle-mailbox';
import { parseContactInput } from './parse-contact-input';
import type { NotificationClient, NotificationDelivery } from './notification-client';
import { type GraphContactJson, renderContact } from './render-contact';
import { type GraphSubscriptionJson, renderSubscription } from './render-subscription';
import { seedMailboxItems } from './seed-mailbox-items';
import type { SubscriptionRegistry } from './subscription-registry';

/** A stored contact with both ids and every extended property, which Graph itself never lists. */
export type InspectedContact = GraphContactJson & { immutableId: string };

export interface MailboxSummary {
  id: string;
  tenantId: string;
  userPrincipalName: string;
  displayName: string;
  defaultFolderId: string;
}

/** Everything a mailbox holds: contact folders and contacts, calendars and events, To Do lists and tasks. */
export interface MailboxSnapshot extends MailboxSummary, MailboxItemsSnapshot {
  folders: GraphContactFolderJson[];
  contacts: InspectedContact[];
}

/** A subscription with what Graph does not show: the watched mailbox and whether it waits for reauthorization. */
export type SubscriptionSnapshot = GraphSubscriptionJson & { tenantId: string; mailboxId: string; needsReauthorization: boolean };

export interface FaultsSnapshot {
  config: FaultConfig | undefined;
  /** Faults injected since the last change of configuration, in request order. */
  injected: readonly FaultKind[];
}

/** The emulator's back door, for seeding, inspection and turning knobs; also served under `/_admin`. */
export interface GraphEmulatorAdmin {
  addTenant(tenant: { id: string; displayName?: string }): Tenant;
  listTenants(): Tenant[];
  addMailbox(tenantId: string, mailbox: SeedMailbox): MailboxSnapshot;
  listMailboxes(): MailboxSummary[];
  readMailbox(idOrUserPrincipalName: string): MailboxSnapshot;
  /** What a user does by dragging a contact to another folder in Outlook: the REST id changes. */
  moveContact(mailbox: string, contactId: string, destinationFolderId: string): InspectedContact;
  counters(): CountersSnapshot;
  /** Zeroes the counters and the throttling budgets used so far, for a fresh measurement. */
  resetCounters(): void;
  throttling(): ThrottlingConfig;
  setThrottling(changes: Partial<ThrottlingConfig>): ThrottlingConfig;
  faults(): FaultsSnapshot;
  /** Partial settings switch faults on (restarting the seeded sequence); `undefined` switches them off. */
  setFaults(config: Partial<FaultConfig> | undefined): FaultsSnapshot;
  latencyMs(): number;
  setLatencyMs(latencyMs: number): number;
  /** In process only: requests go through `interceptor` at `point` (`admitted` by default); `undefined` removes it. */
  interceptRequests(interceptor: RequestInterceptor | undefined, point?: InterceptionPoint): void;
  /** Forgets delta tokens (contacts, calendar view, tasks; of one mailbox, or all), so they answer 410 `syncStateNotFound`. */
  expireDeltaTokens(mailbox?: string): number;
  /** Every app's subscriptions. */
  subscriptions(): SubscriptionSnapshot[];
  /** Sends a lifecycle notification and applies its effect; `delivery` is null without a lifecycleNotificationUrl. */
  triggerLifecycleEvent(subscriptionId: string, lifecycleEvent: LifecycleEventType): { delivery: NotificationDelivery | null };
  /** Ends a subscription now, as if it had not been renewed in time. */
  expireSubscription(subscriptionId: string): void;
  /** Every notification POST (or held-back notification), oldest first. */
  notifications(): NotificationDelivery[];
  /** Resolves when no notification is in flight or waiting for a retry. */
  settleNotifications(): Promise<void>;
}

export interface GraphEmulatorAdminDeps {
  state: EmulatorState;
  counters: EmulatorCounters;
  throttle: MailboxThrottle;
  faults: FaultInjector;
  service: ServiceLatency;
  subscriptions: SubscriptionRegistry;
  notifications: NotificationClient;
}

function inspectContacts(mailbox: Mailbox): InspectedContact[] {
  return mailbox.allContacts().map((contact) => ({
    ...renderContact(contact, { idType: 'rest', expandedPropertyKeys: new Set(contact.extendedProperties.keys()) }),
    immutableId: contact.immutableId,
  }));
}

function allFolders(mailbox: Mailbox): ContactFolderRecord[] {
  const folders: ContactFolderRecord[] = [];
  const visit = (folder: ContactFolderRecord) => {
    folders.push(folder);
    mailbox.childFolders(folder.id).forEach(visit);
  };
  visit(mailbox.requireFolder(mailbox.defaultFolderId));
  return folders;
}

function summary(mailbox: Mailbox): MailboxSummary {
  const { id, tenantId, userPrincipalName, displayName } = mailbox.user;
  return { id, tenantId, userPrincipalName, displayName, defaultFolderId: mailbox.defaultFolderId };
}

function seedFolder(mailbox: Mailbox, parentFolderId: string, seed: SeedContactFolder): void {
  const folder = mailbox.createFolder(parentFolderId, seed.displayName);
  for (const contact of seed.contacts ?? []) mailbox.createContact(folder.id, parseContactInput(contact));
  for (const child of seed.childFolders ?? []) seedFolder(mailbox, folder.id, child);
}

export function createGraphEmulatorAdmin(deps: GraphEmulatorAdminDeps): GraphEmulatorAdmin {
  const { state, counters, throttle, faults, service, subscriptions, notifications } = deps;
  const mailboxNamed = (key: string) => {
    const mailbox = state.findMailbox(key);
    if (!mailbox) throw new GraphError(404, 'ErrorInvalidUser', `No mailbox '${key}' in the emulator.`);
    return mailbox;
  };
  const faultsSnapshot = (): FaultsSnapshot => ({ config: faults.settings, injected: [...faults.history] });

  const admin: GraphEmulatorAdmin = {
    addTenant: ({ id, displayName }) => state.addTenant({ id, displayName: displayName ?? id }),
    listTenants: () => state.listTenants(),
    addMailbox(tenantId, seed) {
      const mailbox = state.addMailbox({
        id: seed.id,
        tenantId,
        userPrincipalName: seed.userPrincipalName,
        displayName: seed.displayName ?? seed.userPrincipalName,
        givenName: seed.givenName ?? null,
        surname: seed.surname ?? null,
        mail: seed.mail ?? seed.userPrincipalName,
      });
      for (const contact of seed.contacts ?? []) mailbox.createContact(mailbox.defaultFolderId, parseContactInput(contact));
      for (const folder of seed.contactFolders ?? []) seedFolder(mailbox, mailbox.defaultFolderId, folder);
      seedMailboxItems(mailbox, seed);
      return admin.readMailbox(mailbox.user.id);
    },
    listMailboxes: () => state.listMailboxes().map(summary),
    readMailbox(key) {
      const mailbox = mailboxNamed(key);
      return {
        ...summary(mailbox),
        folders: allFolders(mailbox).map((folder) => renderContactFolder(folder)),
        contacts: inspectContacts(mailbox),
        ...inspectMailboxItems(mailbox),
      };
    },
    moveContact(key, contactId, destinationFolderId) {
      const mailbox = mailboxNamed(key);
      const contact = mailbox.contact(contactId);
      if (!contact) throw itemNotFound();
      const moved = mailbox.moveContact(contact, destinationFolderId);
      return {
        ...renderContact(moved, { idType: 'rest', expandedPropertyKeys: new Set(moved.extendedProperties.keys()) }),
        immutableId: moved.immutableId,
      };
    },
    counters: () => counters.snapshot(),
    resetCounters() {
      counters.reset();
      throttle.resetBudgets();
    },
    throttling: () => throttle.settings,
    setThrottling: (changes) => throttle.configure(changes),
    faults: faultsSnapshot,
    setFaults(config) {
      faults.configure(config);
      return faultsSnapshot();
    },
    latencyMs: () => service.latencyMs,
    setLatencyMs(latencyMs) {
      service.latencyMs = latencyMs;
      return latencyMs;
    },
    interceptRequests(interceptor, point = 'admitted') {
      const interceptors = { ...service.interceptors };
      if (interceptor) interceptors[point] = interceptor;
      else delete interceptors[point];
      service.interceptors = interceptors;
    },
    expireDeltaTokens(key) {
      const mailboxes = key === undefined ? state.listMailboxes() : [mailboxNamed(key)];
      return mailboxes.reduce((expired, mailbox) => expired + mailbox.expireDeltaTokens(), 0);
    },
    subscriptions: () =>
      subscriptions.all().map((subscription) => ({
        ...renderSubscription(subscription),
        tenantId: subscription.tenantId,
        mailboxId: subscription.target.mailboxId,
        needsReauthorization: subscription.needsReauthorization,
      })),
    triggerLifecycleEvent: (subscriptionId, lifecycleEvent) => ({ delivery: subscriptions.triggerLifecycleEvent(subscriptionId, lifecycleEvent) ?? null }),
    expireSubscription: (subscriptionId) => subscriptions.expire(subscriptionId),
    notifications: () => notifications.log(),
    settleNotifications: () => notifications.settle(),
  };
  return admin;
}

