import { useCallback, useEffect, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import type { SyncConflict } from '../sync/sync-types';

export type ConflictsState =
  | { status: 'loading' }
  | { status: 'ready'; conflicts: SyncConflict[]; resolving?: string; failed?: { conflictId: string; resolution: 'erp' | 'outlook'; error: UiError } }
  | { status: 'error'; error: UiError };

/** The user's open conflicts; resolving one takes it off the list (the next run applies the choice). */
export function useConflicts(refreshKey: number) {
  const { sync } = useServices();
  const [state, setState] = useState<ConflictsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    sync.conflicts().then(
      (conflicts) => current && setState({ status: 'ready', conflicts }),
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [sync, refreshKey, attempt]);

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

  return { state, resolve, retry: useCallback(() => setAttempt((count) => count + 1), []) };
}
