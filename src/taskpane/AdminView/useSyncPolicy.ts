import { useCallback, useState } from 'react';
import type { CollectionPolicy, SyncCollection, SyncPolicy } from '../../domain/sync-policy';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';
import type { AdminSyncPolicy } from '../sync/sync-types';

export type SyncPolicySave = { status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; error: UiError };

export type SyncPolicyState =
  | { status: 'loading' }
  /** `draft`: the policy as the admin is editing it, saved with `save`. */
  | { status: 'ready'; current: AdminSyncPolicy; draft: SyncPolicy; save: SyncPolicySave }
  | { status: 'error'; error: UiError };

/** The environment's sync policy as its admin edits it: a draft per collection, saved as a whole. */
export function useSyncPolicy() {
  const { sync } = useServices();
  const [state, setState] = useState<SyncPolicyState>({ status: 'loading' });
  const retry = useLoad(setState, () => sync.syncPolicy().then((current) => ({ status: 'ready', current, draft: current.policy, save: { status: 'idle' } })), [sync]);

  const edit = useCallback(
    (collection: SyncCollection, next: CollectionPolicy) => {
      if (state.status !== 'ready') return;
      setState({ ...state, draft: { ...state.draft, [collection]: next }, save: { status: 'idle' } });
    },
    [state],
  );

  const save = useCallback(async () => {
    if (state.status !== 'ready') return;
    setState({ ...state, save: { status: 'saving' } });
    try {
      const current = await sync.setSyncPolicy(state.draft);
      setState({ status: 'ready', current, draft: current.policy, save: { status: 'saved' } });
    } catch (error) {
      setState({ ...state, save: { status: 'failed', error: toUiError(error) } });
    }
  }, [sync, state]);

  return { state, edit, save, retry };
}
