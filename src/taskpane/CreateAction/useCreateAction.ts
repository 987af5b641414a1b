import { useState } from 'react';
import type { ErpAction } from '../../domain/erp-records';

export type CreateActionState = { status: 'closed'; created?: ErpAction } | { status: 'open' };

/** Whether the new-action form is open, and the action it last created. */
export function useCreateAction() {
  const [state, setState] = useState<CreateActionState>({ status: 'closed' });
  return {
    state,
    open: () => setState({ status: 'open' }),
    close: () => setState({ status: 'closed' }),
    created: (action: ErpAction) => setState({ status: 'closed', created: action }),
  };
}
