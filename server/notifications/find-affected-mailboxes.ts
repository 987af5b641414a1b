import type { EnvironmentConfig } from '../config/config-schema';
import { readUserSettings } from '../policy/read-user-settings';
import type { Store, UserKey } from '../store/store';

/**
 * The mailboxes of an environment an ERP change concerns: among those syncing contacts, the ones
 * already holding a named contact. A named contact no mailbox holds may have just entered someone's
 * scope (the ERP's scope rules are not known here), and a change that names nothing may be
 * anything: then every mailbox of the environment that syncs contacts.
 */
export async function findAffectedMailboxes(
  store: Pick<Store, 'users' | 'settings' | 'syncPolicies' | 'links' | 'activations'>,
  environment: { name: string; config: EnvironmentConfig },
  contactIds: readonly string[] | undefined,
): Promise<UserKey[]> {
  if (!(await store.activations.get(environment.name))?.syncActivated) return [];
  const syncing: UserKey[] = [];
  for (const record of await store.users.listByEnvironment(environment.name)) {
    const user = { tenantId: record.tenantId, objectId: record.objectId };
    const settings = await readUserSettings(store, environment.config, user);
    if (settings.enabled && settings.contacts !== 'off' && settings.contactFolderId) syncing.push(user);
  }
  if (!contactIds || contactIds.length === 0) return syncing;
  const holders: UserKey[] = [];
  const held = new Set<string>();
  for (const user of syncing) {
    let holds = false;
    for (const erpId of contactIds) {
      if (!(await store.links.get(user, 'contact', erpId))) continue;
      held.add(erpId);
      holds = true;
    }
    if (holds) holders.push(user);
  }
  return contactIds.every((erpId) => held.has(erpId)) ? holders : syncing;
}
