import type { ContactFolderRecord } from './contact-record';
import type { CountersSnapshot, EmulatorCounters } from './emulator-counters';
import type { EmulatorState, Tenant } from './emulator-state';
import type { FaultConfig, FaultInjector, FaultKind } from './fault-injector';
import type { GraphContactFolderJson } from './render-contact-folder';
import { renderContactFolder } from './render-contact-folder';
import { GraphError, itemNotFound } from './graph-error';
import type { SeedContactFolder, SeedMailbox } from './graph-emulator-options';
import type { Mailbox } from './mailbox';
import type { MailboxThrottle, ThrottlingConfig } from './mailbox-throttle';
import type { ServiceLatency } from './middleware/throttle-mailbox';
import { parseContactInput } from './parse-contact-input';
import { type GraphContactJson, renderContact } from './render-contact';

/** A stored contact with both ids and every extended property, which Graph itself never lists. */
export type InspectedContact = GraphContactJson & { immutableId: string };

export interface MailboxSnapshot {
  id: string;
  tenantId: string;
  userPrincipalName: string;
  displayName: string;
  defaultFolderId: string;
  folders: GraphContactFolderJson[];
  contacts: InspectedContact[];
}

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
  listMailboxes(): Omit<MailboxSnapshot, 'folders' | 'contacts'>[];
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
  /** Forgets delta tokens (of one mailbox, or all), so they answer 410 `syncStateNotFound`. */
  expireDeltaTokens(mailbox?: string): number;
}

export interface GraphEmulatorAdminDeps {
  state: EmulatorState;
  counters: EmulatorCounters;
  throttle: MailboxThrottle;
  faults: FaultInjector;
  service: ServiceLatency;
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

function summary(mailbox: Mailbox) {
  const { id, tenantId, userPrincipalName, displayName } = mailbox.user;
  return { id, tenantId, userPrincipalName, displayName, defaultFolderId: mailbox.defaultFolderId };
}

function seedFolder(mailbox: Mailbox, parentFolderId: string, seed: SeedContactFolder): void {
  const folder = mailbox.createFolder(parentFolderId, seed.displayName);
  for (const contact of seed.contacts ?? []) mailbox.createContact(folder.id, parseContactInput(contact));
  for (const child of seed.childFolders ?? []) seedFolder(mailbox, folder.id, child);
}

export function createGraphEmulatorAdmin(deps: GraphEmulatorAdminDeps): GraphEmulatorAdmin {
  const { state, counters, throttle, faults, service } = deps;
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
      return admin.readMailbox(mailbox.user.id);
    },
    listMailboxes: () => state.listMailboxes().map(summary),
    readMailbox(key) {
      const mailbox = mailboxNamed(key);
      return {
        ...summary(mailbox),
        folders: allFolders(mailbox).map((folder) => renderContactFolder(folder)),
        contacts: inspectContacts(mailbox),
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
    expireDeltaTokens(key) {
      const mailboxes = key === undefined ? state.listMailboxes() : [mailboxNamed(key)];
      return mailboxes.reduce((expired, mailbox) => expired + mailbox.expireDeltaTokens(), 0);
    },
  };
  return admin;
}

