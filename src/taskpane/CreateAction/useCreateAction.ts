import { useContext, useState } from 'react';
import type { ErpAction } from '../../domain/erp-records';
import { ActionsRevisionContext } from '../services/actions-revision-context';

export type CreateActionState = { status: 'closed'; created?: ErpAction } | { status: 'open' };

/** Whether the new-action form is open, and the action it last created (the cards then show it at once). */
export function useCreateAction() {
  const [state, setState] = useState<CreateActionState>({ status: 'closed' });
  const { changed } = useContext(ActionsRevisionContext);
  return {
    state,
    open: () => setState({ status: 'open' }),
    close: () => setState({ status: 'closed' }),
    created: (action: ErpAction) => {
      setState({ status: 'closed', created: action });
      changed();
    },
  };
}
