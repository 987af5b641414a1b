import { mailboxPath } from '../../src/graph/mailbox-path';
import { SyncError } from '../../src/sync/sync-error';
import type { GraphAccess } from '../jobs/create-graph-access';
import type { Store } from '../store/store';

/** What a cheap GET of one synced mailbox's contact folder found. */
export interface FolderProbe {
  email: string;
  outcome: 'reachable' | 'access-denied' | 'folder-missing' | 'not-connected' | 'failed';
  detail?: string;
}

/**
 * For every user of the environment whose sync is on, `GET …/contactFolders/{id}?$select=id` as
 * sync would send it: 403 means the mailbox is out of reach (RBAC for Applications scope, or a
 * delegated grant gone), 404 that the chosen folder was deleted. Sorted by email.
 */
export async function probeContactFolders(deps: { store: Pick<Store, 'users' | 'settings'>; graphAccess: GraphAccess }, environment: string): Promise<FolderProbe[]> {
  const users = await deps.store.users.listByEnvironment(environment);
  const probes = await Promise.all(
    users.map(async (user): Promise<FolderProbe | undefined> => {
      const key = { tenantId: user.tenantId, objectId: user.objectId };
      const settings = await deps.store.settings.get(key);
      if (!settings?.enabled || !settings.contactFolderId) return undefined;
      const client = deps.graphAccess.clientFor(environment, key);
      const path = `${mailboxPath(deps.graphAccess.mailboxOf(key))}/contactFolders/${encodeURIComponent(settings.contactFolderId)}?$select=id`;
      try {
        await client.request('GET', path);
        return { email: user.email, outcome: 'reachable' };
      } catch (error) {
        if (!(error instanceof SyncError)) throw error;
        if (error.status === 403) return { email: user.email, outcome: 'access-denied', detail: error.graphCode };
        if (error.status === 404) return { email: user.email, outcome: 'folder-missing' };
        if (error.code === 'auth_required' && error.status === undefined) return { email: user.email, outcome: 'not-connected', detail: error.message };
        return { email: user.email, outcome: 'failed', detail: error.message };
      }
    }),
  );
  return probes.filter((probe): probe is FolderProbe => probe !== undefined).sort((a, b) => a.email.localeCompare(b.email));
}
