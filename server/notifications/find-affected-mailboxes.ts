import type { ErpPort } from '../../src/domain/erp-port';
import type { EnvironmentConfig } from '../config/config-schema';
import type { Store, UserKey } from '../store/store';
import { listSyncingMailboxes, type SyncingMailbox } from './list-syncing-mailboxes';

/** What an ERP says changed: ERP ids of contacts and of actions; neither named: "something changed". */
export interface ErpChangeNames {
  contacts?: readonly string[];
  actions?: readonly string[];
}

type AffectedStore = Pick<Store, 'users' | 'settings' | 'syncPolicies' | 'links' | 'activations'>;

const keyOf = (user: UserKey) => `${user.tenantId}/${user.objectId}`;

/**
 * Contacts: among the mailboxes syncing contacts, the ones already holding a named contact. A
 * named contact no mailbox holds may have just entered someone's scope (the ERP's scope rules are
 * not known here): then every mailbox syncing contacts.
 */
async function contactMailboxes(store: AffectedStore, syncing: readonly SyncingMailbox[], contactIds: readonly string[]): Promise<SyncingMailbox[]> {
  const holders: SyncingMailbox[] = [];
  const held = new Set<string>();
  for (const mailbox of syncing) {
    let holds = false;
    for (const erpId of contactIds) {
      if (!(await store.links.get(mailbox.user, 'contact', erpId))) continue;
      held.add(erpId);
      holds = true;
    }
    if (holds) holders.push(mailbox);
  }
  return contactIds.every((erpId) => held.has(erpId)) ? holders : [...syncing];
}

/**
 * Actions: the mailbox of the action's owner (an action goes to its owner's mailbox only), and
 * every mailbox holding it as an event or a task (the former owner's, after a reassignment: its
 * run's feed removes it there). An action the ERP no longer has concerns only its holders. When
 * the ERP cannot say whose an action is, every mailbox syncing actions.
 */
async function actionMailboxes(store: AffectedStore, erp: Pick<ErpPort, 'getAction' | 'getUser'>, syncing: readonly SyncingMailbox[], actionIds: readonly string[]): Promise<SyncingMailbox[]> {
  const affected = new Set<SyncingMailbox>();
  const owners = new Map<string, string | undefined>();
  try {
    for (const erpId of actionIds) {
      for (const mailbox of syncing) {
        for (const entity of ['event', 'task'] as const) if (await store.links.get(mailbox.user, entity, erpId)) affected.add(mailbox);
      }
      const ownerId = (await erp.getAction(erpId))?.ownerId;
      if (ownerId === undefined) continue;
      if (!owners.has(ownerId)) owners.set(ownerId, (await erp.getUser(ownerId))?.email.trim().toLowerCase());
      const ownerEmail = owners.get(ownerId);
      for (const mailbox of syncing) {
        const { erpUserIdOverride, isGuest, email } = mailbox.record;
        const mapped = erpUserIdOverride !== undefined ? erpUserIdOverride === ownerId : !isGuest && email.trim().toLowerCase() === ownerEmail;
        if (mapped) affected.add(mailbox);
      }
    }
  } catch {
    return [...syncing];
  }
  return [...affected];
}

/**
 * The mailboxes of an environment an ERP change concerns (see `contactMailboxes` and
 * `actionMailboxes`); a change that names nothing may be anything: every mailbox of the
 * environment syncing contacts or actions.
 */
export async function findAffectedMailboxes(
  store: AffectedStore,
  environment: { name: string; config: EnvironmentConfig; erp: Pick<ErpPort, 'getAction' | 'getUser'> },
  names: ErpChangeNames,
): Promise<UserKey[]> {
  const syncing = await listSyncingMailboxes(store, environment);
  const contactSyncing = syncing.filter((mailbox) => mailbox.contacts);
  const actionSyncing = syncing.filter((mailbox) => mailbox.actions.length > 0);
  const contacts = names.contacts?.length ? names.contacts : undefined;
  const actions = names.actions?.length ? names.actions : undefined;
  const affected = contacts === undefined && actions === undefined
    ? syncing
    : [
        ...(contacts ? await contactMailboxes(store, contactSyncing, contacts) : []),
        ...(actions ? await actionMailboxes(store, environment.erp, actionSyncing, actions) : []),
      ];
  const seen = new Set<string>();
  return affected.filter(({ user }) => !seen.has(keyOf(user)) && Boolean(seen.add(keyOf(user)))).map(({ user }) => user);
}
