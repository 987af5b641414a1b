import { useCallback, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';
import type { SuppressedContact } from '../sync/sync-types';

export type SuppressedState =
  | { status: 'loading' }
  | { status: 'ready'; contacts: SuppressedContact[]; restoring?: string; failed?: { erpId: string; error: UiError } }
  | { status: 'error'; error: UiError };

/** Synced contacts the user deleted in Outlook; restoring one brings it back at the next run. */
export function useSuppressed(refreshKey: number) {
  const { sync } = useServices();
  const [state, setState] = useState<SuppressedState>({ status: 'loading' });
  const retry = useLoad(setState, () => sync.suppressed().then((contacts) => ({ status: 'ready', contacts })), [sync, refreshKey]);

  const restore = useCallback(
    async (erpId: string) => {
      if (state.status !== 'ready') return;
      setState({ status: 'ready', contacts: state.contacts, restoring: erpId });
      try {
        await sync.restoreSuppressed(erpId);
        setState({ status: 'ready', contacts: state.contacts.filter((contact) => contact.erpId !== erpId) });
      } catch (error) {
        setState({ status: 'ready', contacts: state.contacts, failed: { erpId, error: toUiError(error) } });
      }
    },
    [sync, state],
  );

  return { state, restore, retry };
}
