import { useContext, useState } from 'react';
import type { ErpAccount, ErpAction, ErpContact } from '../../domain/erp-records';
import type { UiError } from '../errors/to-ui-error';
import { ActionsRevisionContext } from '../services/actions-revision-context';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';
import { orderRecentActions } from './order-recent-actions';

export type ContactDetailsState =
  | { status: 'loading' }
  | { status: 'ready'; account?: ErpAccount; actions: ErpAction[] }
  | { status: 'error'; error: UiError };

const recentActions = 5;
/** The ERP lists actions newest first, future ones included: enough of them to find the past ones and the next planned. */
const actionsRead = 25;

/**
 * The contact's account and recent actions (see `orderRecentActions`), fetched together, and again
 * as soon as the pane logs or creates an action.
 */
export function useContactDetails(contact: ErpContact) {
  const { bridge, now } = useServices();
  const { revision } = useContext(ActionsRevisionContext);
  const [state, setState] = useState<ContactDetailsState>({ status: 'loading' });
  const retry = useLoad(
    setState,
    () =>
      Promise.all([contact.accountId ? bridge.getAccount(contact.accountId) : Promise.resolve(undefined), bridge.contactActions(contact.id, actionsRead)]).then(([account, listed]) => {
        const actions = orderRecentActions(listed, now(), recentActions);
        return account ? { status: 'ready', account, actions } : { status: 'ready', actions };
      }),
    [bridge, contact.accountId, contact.id, revision],
  );

  return { state, retry };
}
