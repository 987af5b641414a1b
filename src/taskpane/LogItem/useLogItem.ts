import { useCallback, useContext, useEffect, useState } from 'react';
import type { LogResult, LogStatus } from '../../erp/bridge-types';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { ActionsRevisionContext } from '../services/actions-revision-context';

export type LogItemState =
  | { status: 'checking' }
  | { status: 'notLogged'; markedPrivate: boolean }
  | { status: 'logging' }
  | { status: 'logged'; loggedAt: string }
  | { status: 'loggedPrivately' }
  | { status: 'error'; error: UiError; failed: 'check' | 'log' };

/** The user's choice for the action an item is logged as. */
export interface LogChoice {
  private: boolean;
}

/**
 * Whether an email or meeting is logged comes from the bridge, so it shows as logged for everyone
 * in the environment; logging twice returns the first action. "Log as private" starts checked when
 * Outlook marks the item private or confidential (the bridge's answer, else Office's `markedPrivate`).
 */
export function useLogItem(check: () => Promise<LogStatus>, log: (choice: LogChoice) => Promise<LogResult>, markedPrivate = false) {
  const [state, setState] = useState<LogItemState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const [asPrivate, setAsPrivate] = useState(markedPrivate);
  const { changed } = useContext(ActionsRevisionContext);

  useEffect(() => {
    let current = true;
    setState({ status: 'checking' });
    check().then(
      (status) => {
        if (!current) return;
        if (!status.logged) {
          const marked = status.markedPrivate ?? markedPrivate;
          setAsPrivate(marked);
          setState({ status: 'notLogged', markedPrivate: marked });
        } else setState('hidden' in status ? { status: 'loggedPrivately' } : { status: 'logged', loggedAt: status.loggedAt });
      },
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error), failed: 'check' }),
    );
    return () => {
      current = false;
    };
  }, [check, attempt, markedPrivate]);

  const logNow = useCallback(async () => {
    setState({ status: 'logging' });
    try {
      const result = await log({ private: asPrivate });
      setState({ status: 'logged', loggedAt: result.loggedAt });
      changed();
    } catch (error) {
      setState({ status: 'error', error: toUiError(error), failed: 'log' });
    }
  }, [log, asPrivate, changed]);

  const retry = useCallback(() => {
    if (state.status === 'error' && state.failed === 'log') void logNow();
    else setAttempt((count) => count + 1);
  }, [logNow, state]);

  return { state, logNow, retry, asPrivate, setAsPrivate };
}
