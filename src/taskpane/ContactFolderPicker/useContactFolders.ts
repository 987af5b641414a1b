import { useCallback, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';
import type { ContactFolder } from '../sync/sync-types';

export type ContactFoldersState =
  | { status: 'loading' }
  | { status: 'ready'; folders: ContactFolder[]; creating: boolean; createError?: UiError }
  | { status: 'error'; error: UiError };

/** The mailbox's contact folders, and creating one (`ERP`) in one click. */
export function useContactFolders() {
  const { sync } = useServices();
  const [state, setState] = useState<ContactFoldersState>({ status: 'loading' });
  const retry = useLoad(setState, () => sync.contactFolders().then((folders) => ({ status: 'ready', folders, creating: false })), [sync]);

  /** Resolves with the new folder, or undefined when the bridge refused (the state says why). */
  const create = useCallback(
    async (displayName: string): Promise<ContactFolder | undefined> => {
      if (state.status !== 'ready') return undefined;
      setState({ ...state, creating: true, createError: undefined });
      try {
        const folder = await sync.createContactFolder(displayName);
        const folders = [...state.folders, folder].sort((a, b) => a.displayName.localeCompare(b.displayName));
        setState({ status: 'ready', folders, creating: false });
        return folder;
      } catch (error) {
        setState({ ...state, creating: false, createError: toUiError(error) });
        return undefined;
      }
    },
    [sync, state],
  );

  return { state, create, retry };
}
