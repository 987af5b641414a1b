import { useState } from 'react';
import type { ErpAccount, ErpAction, ErpContact } from '../../domain/erp-records';
import type { UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';

export type ContactDetailsState =
  | { status: 'loading' }
  | { status: 'ready'; account?: ErpAccount; actions: ErpAction[] }
  | { status: 'error'; error: UiError };

const recentActions = 5;

/** The contact's account and last actions, fetched together. */
export function useContactDetails(contact: ErpContact) {
  const { bridge } = useServices();
  const [state, setState] = useState<ContactDetailsState>({ status: 'loading' });
  const retry = useLoad(
    setState,
    () =>
      Promise.all([contact.accountId ? bridge.getAccount(contact.accountId) : Promise.resolve(undefined), bridge.contactActions(contact.id, recentActions)]).then(([account, actions]) =>
        account ? { status: 'ready', account, actions } : { status: 'ready', actions },
      ),
    [bridge, contact.accountId, contact.id],
  );

  return { state, retry };
}
