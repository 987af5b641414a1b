import { useCallback, useEffect, useState } from 'react';
import type { AdminUser } from '../../erp/bridge-types';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';

export type AdminUsersState = { status: 'loading' } | { status: 'ready'; users: AdminUser[] } | { status: 'error'; error: UiError };

export function useAdminUsers() {
  const { bridge } = useServices();
  const [state, setState] = useState<AdminUsersState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    bridge.adminUsers().then(
      (users) => current && setState({ status: 'ready', users }),
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [bridge, attempt]);

  return { state, retry: useCallback(() => setAttempt((count) => count + 1), []) };
}
