import { useCallback, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';

export type ErrorNoticeState = { status: 'shown'; error: UiError } | { status: 'signingIn'; error: UiError };

/** Retrying a sign-in failure first signs in with the user present (this click may open a window). */
export function useErrorNotice(error: UiError, onRetry: () => void) {
  const { tokens } = useServices();
  const [state, setState] = useState<ErrorNoticeState>({ status: 'shown', error });
  const shown = state.error.code === error.code || state.status === 'signingIn' ? state : { status: 'shown' as const, error };

  const retry = useCallback(async () => {
    if (!shown.error.needsSignIn) {
      onRetry();
      return;
    }
    setState({ status: 'signingIn', error: shown.error });
    try {
      await tokens.getToken({ interactive: true, forceRefresh: true });
      setState({ status: 'shown', error });
      onRetry();
    } catch (signInError) {
      setState({ status: 'shown', error: toUiError(signInError) });
    }
  }, [error, onRetry, shown.error, tokens]);

  return { state: shown, retry };
}
