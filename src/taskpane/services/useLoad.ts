import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';

export type Loading = { status: 'loading' };
export type LoadFailed = { status: 'error'; error: UiError };

/**
 * Loads what a view shows: sets `loading`, then the state `load` resolves with, or the error; loads
 * again when `deps` change or the returned `retry` is called. An answer that arrives after the view
 * moved on (other deps, unmounted) is dropped.
 *
 * @example
 * const [state, setState] = useState<ConflictsState>({ status: 'loading' });
 * const retry = useLoad(setState, () => sync.conflicts().then((conflicts) => ({ status: 'ready', conflicts })), [sync, refreshKey]);
 */
export function useLoad<S>(setState: (state: S | Loading | LoadFailed) => void, load: () => Promise<NoInfer<S>>, deps: DependencyList): () => void {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (state) => current && setState(state),
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `deps` say when it would load something else.
  }, [...deps, attempt]);
  return useCallback(() => setAttempt((count) => count + 1), []);
}
