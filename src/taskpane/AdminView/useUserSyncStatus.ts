import { useState } from 'react';
import type { UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';
import type { UserSyncStatus } from '../sync/sync-types';

export type UserRow = UserSyncStatus & { erpUserIdOverride?: string };

export type UserSyncStatusState = { status: 'loading' } | { status: 'ready'; users: UserRow[] } | { status: 'error'; error: UiError };

/** Every user of the environment with their sync status, and the ERP user an admin set by hand. */
export function useUserSyncStatus(refreshKey: number) {
  const { sync, bridge } = useServices();
  const [state, setState] = useState<UserSyncStatusState>({ status: 'loading' });
  const retry = useLoad(
    setState,
    async () => {
      const [statuses, users] = await Promise.all([sync.syncStatus(), bridge.adminUsers()]);
      const overrides = new Map(users.map((user) => [`${user.tenantId}/${user.objectId}`, user.erpUserIdOverride]));
      return {
        status: 'ready' as const,
        users: statuses.map((status) => {
          const override = overrides.get(`${status.tenantId}/${status.objectId}`);
          return override ? { ...status, erpUserIdOverride: override } : status;
        }),
      };
    },
    [sync, bridge, refreshKey],
  );

  return { state, retry };
}
