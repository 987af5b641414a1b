import { useCallback, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';
import type { AdminEnvironment } from '../sync/sync-types';

export type ActivationSave = { status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; error: UiError };

export type AdminEnvironmentState =
  | { status: 'loading' }
  | { status: 'ready'; environment: AdminEnvironment; save: ActivationSave }
  | { status: 'error'; error: UiError };

/** The environment as its admin sees it, and turning sync on (confirming the App ID) or off. */
export function useAdminEnvironment() {
  const { sync } = useServices();
  const [state, setState] = useState<AdminEnvironmentState>({ status: 'loading' });
  const retry = useLoad(setState, () => sync.adminEnvironment().then((environment) => ({ status: 'ready', environment, save: { status: 'idle' } })), [sync]);

  const setActivation = useCallback(
    async (syncActivated: boolean, applicationId: string) => {
      if (state.status !== 'ready') return;
      setState({ ...state, save: { status: 'saving' } });
      try {
        setState({ status: 'ready', environment: await sync.setActivation({ syncActivated, applicationId: applicationId.trim() }), save: { status: 'saved' } });
      } catch (error) {
        setState({ ...state, save: { status: 'failed', error: toUiError(error) } });
      }
    },
    [sync, state],
  );

  return { state, setActivation, retry };
}
