import { useState } from 'react';
import type { ErpAction, ErpContact } from '../../domain/erp-records';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { type ActionDraft, newActionDraft, toNewAction } from './action-draft';

export type CreateActionFormState =
  | { status: 'editing'; draft: ActionDraft }
  | { status: 'saving'; draft: ActionDraft }
  | { status: 'error'; draft: ActionDraft; error: UiError };

/** A call, visit, meeting or task for one of the item's ERP contacts, prefilled from the item. */
export function useCreateActionForm(subject: string, contacts: ErpContact[], onCreated: (action: ErpAction) => void) {
  const { bridge, now, timeZone } = useServices();
  const [stored, setState] = useState<CreateActionFormState>(() => ({ status: 'editing', draft: newActionDraft(subject, contacts, now(), timeZone) }));
  // Cards may resolve after the form opened: an unset contact follows the first one found.
  const state: CreateActionFormState = stored.draft.contactId ? stored : { ...stored, draft: { ...stored.draft, contactId: contacts[0]?.id ?? '' } };

  const update = (changes: Partial<ActionDraft>) => setState({ status: 'editing', draft: { ...state.draft, ...changes } });
  const submit = async () => {
    const { draft } = state;
    setState({ status: 'saving', draft });
    try {
      onCreated(await bridge.createAction(toNewAction(draft, contacts, timeZone)));
    } catch (error) {
      setState({ status: 'error', draft, error: toUiError(error) });
    }
  };

  return { state, update, submit };
}
