import { useCallback, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';

export type ErrorNoticeState =
  | { status: 'shown'; error: UiError }
  | { status: 'signingIn'; error: UiError };

/** Retrying a sign-in failure first signs in with the user present (this click may open a window). */
export function useErrorNotice(error: UiError, onRetry: () => void) {
  const { tokens } = useServices();
  const [signIn, setSignIn] = useState<{ status: 'idle' } | { status: 'signingIn' } | { status: 'failed'; error: UiError }>({ status: 'idle' });
  const state: ErrorNoticeState =
    signIn.status === 'failed' ? { status: 'shown', error: signIn.error } : { status: signIn.status === 'signingIn' ? 'signingIn' : 'shown', error };

  const retry = useCallback(async () => {
    if (!state.error.needsSignIn) {
      onRetry();
      return;
    }
    setSignIn({ status: 'signingIn' });
    try {
      await tokens.getToken({ interactive: true, forceRefresh: true });
      setSignIn({ status: 'idle' });
      onRetry();
    } catch (failure) {
      setSignIn({ status: 'failed', error: toUiError(failure) });
    }
  }, [onRetry, state.error.needsSignIn, tokens]);

  return { state, retry };
}
