import { useCallback, useEffect, useState } from 'react';
import type { LogResult, LogStatus } from '../../erp/bridge-types';
import { toUiError, type UiError } from '../errors/to-ui-error';

export type LogItemState =
  | { status: 'checking' }
  | { status: 'notLogged' }
  | { status: 'logging' }
  | { status: 'logged'; loggedAt: string }
  | { status: 'loggedPrivately' }
  | { status: 'error'; error: UiError; failed: 'check' | 'log' };

/**
 * Whether an email or meeting is logged comes from the bridge, so it shows as logged for everyone
 * in the environment; logging twice returns the first action.
 */
export function useLogItem(check: () => Promise<LogStatus>, log: () => Promise<LogResult>) {
  const [state, setState] = useState<LogItemState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'checking' });
    check().then(
      (status) => current && setState(!status.logged ? { status: 'notLogged' } : 'hidden' in status ? { status: 'loggedPrivately' } : { status: 'logged', loggedAt: status.loggedAt }),
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error), failed: 'check' }),
    );
    return () => {
      current = false;
    };
  }, [check, attempt]);

  const logNow = useCallback(async () => {
    setState({ status: 'logging' });
    try {
      const result = await log();
      setState({ status: 'logged', loggedAt: result.loggedAt });
    } catch (error) {
      setState({ status: 'error', error: toUiError(error), failed: 'log' });
    }
  }, [log]);

  const retry = useCallback(() => {
    if (state.status === 'error' && state.failed === 'log') void logNow();
    else setAttempt((count) => count + 1);
  }, [logNow, state]);

  return { state, logNow, retry };
}
