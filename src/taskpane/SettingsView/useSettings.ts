import { useCallback, useState } from 'react';
import type { SyncPolicy } from '../../domain/sync-policy';
import type { SyncSettings } from '../../domain/sync-settings';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';

export type SaveState = { status: 'idle' | 'connecting' | 'saving' | 'saved' } | { status: 'failed'; error: UiError };

export type SettingsState =
  | { status: 'loading' }
  | { status: 'ready'; settings: SyncSettings; policy: SyncPolicy; isAdmin: boolean; syncActivated: boolean; save: SaveState }
  | { status: 'error'; error: UiError };

/**
 * The user's sync settings from the bridge, with the environment's sync policy that bounds them. A change shows at once and saves the whole object
 * (PUT); turning sync on first connects the mailbox, so sync can act while Outlook is closed.
 * A refused change is put back and says why.
 */
export function useSettings() {
  const { bridge, sync } = useServices();
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const retry = useLoad(
    setState,
    () =>
      Promise.all([bridge.getSettings(), bridge.me()]).then(([settings, me]) => ({
        status: 'ready', settings, policy: me.environment.syncPolicy, isAdmin: me.isAdmin, syncActivated: me.environment.syncActivated, save: { status: 'idle' },
      })),
    [bridge],
  );

  const update = useCallback(
    async (changes: Partial<SyncSettings>) => {
      if (state.status !== 'ready') return;
      const before = state.settings;
      const next = { ...before, ...changes };
      const turningOn = changes.enabled === true && !before.enabled;
      setState({ ...state, settings: next, save: { status: turningOn ? 'connecting' : 'saving' } });
      try {
        if (turningOn) await sync.connect();
        const saved = await bridge.putSettings(next);
        setState({ ...state, settings: saved, save: { status: 'saved' } });
      } catch (error) {
        setState({ ...state, settings: before, save: { status: 'failed', error: toUiError(error) } });
      }
    },
    [bridge, sync, state],
  );

  return { state, update, retry };
}
