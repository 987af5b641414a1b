import { useCallback, useEffect, useState } from 'react';
import type { SyncSettings } from '../../domain/sync-settings';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'ready'; settings: SyncSettings; isAdmin: boolean; save: { status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; error: UiError } }
  | { status: 'error'; error: UiError };

export type SettingsToggle = 'enabled' | 'actionsEnabled';

/** The user's sync settings from the bridge; a toggle saves the whole settings object (PUT). */
export function useSettings() {
  const { bridge } = useServices();
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    Promise.all([bridge.getSettings(), bridge.me()]).then(
      ([settings, me]) => current && setState({ status: 'ready', settings, isAdmin: me.isAdmin, save: { status: 'idle' } }),
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [bridge, attempt]);

  const toggle = useCallback(
    async (key: SettingsToggle, value: boolean) => {
      if (state.status !== 'ready') return;
      const before = state.settings;
      const next = { ...before, [key]: value };
      // The switch moves at once; a refused save puts it back and says why.
      setState({ ...state, settings: next, save: { status: 'saving' } });
      try {
        const saved = await bridge.putSettings(next);
        setState({ ...state, settings: saved, save: { status: 'saved' } });
      } catch (error) {
        setState({ ...state, settings: before, save: { status: 'failed', error: toUiError(error) } });
      }
    },
    [bridge, state],
  );

  return { state, toggle, retry: useCallback(() => setAttempt((count) => count + 1), []) };
}
