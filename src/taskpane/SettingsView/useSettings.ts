import { useCallback, useState } from 'react';
import type { SyncPolicy } from '../../domain/sync-policy';
import type { SyncSettings } from '../../domain/sync-settings';
import type { ConsentOutcome } from '../../auth/consent/user-consent';
import { BridgeError } from '../../erp/bridge-error';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';

/** How the last request for consent ended, when it did not end in consent. */
export type ConsentProblem = Exclude<ConsentOutcome, { kind: 'granted' }>;

export type SaveState =
  | { status: 'idle' | 'connecting' | 'saving' | 'saved' }
  | { status: 'failed'; error: UiError }
  /** Connecting was refused for missing consent: the user may consent to `scopes`, then it is retried. */
  | { status: 'needsConsent'; scopes: readonly string[]; authority?: string; consenting: boolean; problem?: ConsentProblem };

export type SettingsState =
  | { status: 'loading' }
  | { status: 'ready'; settings: SyncSettings; policy: SyncPolicy; isAdmin: boolean; syncActivated: boolean; save: SaveState }
  | { status: 'error'; error: UiError };

/**
 * The user's sync settings from the bridge, with the environment's sync policy that bounds them. A change shows at once and saves the whole object
 * (PUT); turning sync on first connects the mailbox, so sync can act while Outlook is closed.
 * A refused change is put back and says why; a connection refused for missing consent offers
 * `giveConsent`, which asks the user in an Office dialog and, once they consent, turns sync on again.
 */
export function useSettings() {
  const { bridge, sync, consent } = useServices();
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
        if (turningOn && error instanceof BridgeError && error.code === 'consent_required' && error.scopes.length > 0) {
          setState({ ...state, settings: before, save: { status: 'needsConsent', scopes: error.scopes, ...(error.authority ? { authority: error.authority } : {}), consenting: false } });
        } else {
          setState({ ...state, settings: before, save: { status: 'failed', error: toUiError(error) } });
        }
      }
    },
    [bridge, sync, state],
  );

  const giveConsent = useCallback(async () => {
    if (state.status !== 'ready' || state.save.status !== 'needsConsent') return;
    const { scopes, authority } = state.save;
    setState({ ...state, save: { ...state.save, consenting: true } });
    const outcome = await consent.ask(scopes, authority).catch((error: unknown): ConsentOutcome => ({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }));
    if (outcome.kind === 'granted') await update({ enabled: true });
    else setState({ ...state, save: { ...state.save, consenting: false, problem: outcome } });
  }, [consent, state, update]);

  return { state, update, retry, giveConsent };
}
