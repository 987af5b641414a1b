import { useCallback, useEffect, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import type { UserSyncStatus } from '../sync/sync-types';

export type UserRow = UserSyncStatus & { erpUserIdOverride?: string };

export type UserSyncStatusState = { status: 'loading' } | { status: 'ready'; users: UserRow[] } | { status: 'error'; error: UiError };

/** Every user of the environment with their sync status, and the ERP user an admin set by hand. */
export function useUserSyncStatus(refreshKey: number) {
  const { sync, bridge } = useServices();
  const [state, setState] = useState<UserSyncStatusState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    Promise.all([sync.syncStatus(), bridge.adminUsers()]).then(
      ([statuses, users]) => {
        if (!current) return;
        const overrides = new Map(users.map((user) => [`${user.tenantId}/${user.objectId}`, user.erpUserIdOverride]));
        setState({
          status: 'ready',
          users: statuses.map((status) => {
            const override = overrides.get(`${status.tenantId}/${status.objectId}`);
            return override ? { ...status, erpUserIdOverride: override } : status;
          }),
        });
      },
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [sync, bridge, refreshKey, attempt]);

  return { state, retry: useCallback(() => setAttempt((count) => count + 1), []) };
}
