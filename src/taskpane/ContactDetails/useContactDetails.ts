import { useCallback, useEffect, useState } from 'react';
import type { ErpAccount, ErpAction, ErpContact } from '../../domain/erp-records';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';

export type ContactDetailsState =
  | { status: 'loading' }
  | { status: 'ready'; account?: ErpAccount; actions: ErpAction[] }
  | { status: 'error'; error: UiError };

const recentActions = 5;

/** The contact's account and last actions, fetched together. */
export function useContactDetails(contact: ErpContact) {
  const { bridge } = useServices();
  const [state, setState] = useState<ContactDetailsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    Promise.all([contact.accountId ? bridge.getAccount(contact.accountId) : Promise.resolve(undefined), bridge.contactActions(contact.id, recentActions)]).then(
      ([account, actions]) => current && setState(account ? { status: 'ready', account, actions } : { status: 'ready', actions }),
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [bridge, contact.accountId, contact.id, attempt]);

  return { state, retry: useCallback(() => setAttempt((count) => count + 1), []) };
}
