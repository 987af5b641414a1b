import { useCallback, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';
import type { SyncConflict } from '../sync/sync-types';

export type ConflictsState =
  | { status: 'loading' }
  | { status: 'ready'; conflicts: SyncConflict[]; resolving?: string; failed?: { conflictId: string; resolution: 'erp' | 'outlook'; error: UiError } }
  | { status: 'error'; error: UiError };

/** The user's open conflicts; resolving one takes it off the list (the next run applies the choice). */
export function useConflicts(refreshKey: number) {
  const { sync } = useServices();
  const [state, setState] = useState<ConflictsState>({ status: 'loading' });
  const retry = useLoad(setState, () => sync.conflicts().then((conflicts) => ({ status: 'ready', conflicts })), [sync, refreshKey]);

  const resolve = useCallback(
    async (conflictId: string, resolution: 'erp' | 'outlook') => {
      if (state.status !== 'ready') return;
      setState({ status: 'ready', conflicts: state.conflicts, resolving: conflictId });
      try {
        await sync.resolveConflict(conflictId, resolution);
        setState({ status: 'ready', conflicts: state.conflicts.filter((conflict) => conflict.id !== conflictId) });
      } catch (error) {
        setState({ status: 'ready', conflicts: state.conflicts, failed: { conflictId, resolution, error: toUiError(error) } });
      }
    },
    [sync, state],
  );

  return { state, resolve, retry };
}
