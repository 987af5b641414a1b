import type { EnvironmentConfig } from '../config/config-schema';
import { actionCollectionNames, type ActionCollectionName } from '../jobs/mailbox-run-report';
import { readUserSettings } from '../policy/read-user-settings';
import type { Store, UserKey, UserRecord } from '../store/store';

/** A mailbox of the environment and what its runs sync, as its settings under the admin's policy say. */
export interface SyncingMailbox {
  user: UserKey;
  record: UserRecord;
  /** Contact sync is on with a folder chosen. */
  contacts: boolean;
  /** The action collections on: actions on, and the collection's direction not off. */
  actions: ActionCollectionName[];
}

/** The mailboxes of an environment that sync something; none while the environment's sync is not activated. */
export async function listSyncingMailboxes(
  store: Pick<Store, 'users' | 'settings' | 'syncPolicies' | 'activations'>,
  environment: { name: string; config: EnvironmentConfig },
): Promise<SyncingMailbox[]> {
  if (!(await store.activations.get(environment.name))?.syncActivated) return [];
  const syncing: SyncingMailbox[] = [];
  for (const record of await store.users.listByEnvironment(environment.name)) {
    const user = { tenantId: record.tenantId, objectId: record.objectId };
    const settings = await readUserSettings(store, environment.config, user);
    if (!settings.enabled) continue;
    const contacts = settings.contacts !== 'off' && settings.contactFolderId !== undefined;
    const actions = settings.actionsEnabled ? actionCollectionNames.filter((name) => settings[name] !== 'off') : [];
    if (contacts || actions.length > 0) syncing.push({ user, record, contacts, actions });
  }
  return syncing;
}
