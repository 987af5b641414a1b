import { useState } from 'react';
import type { ErpContact } from '../../domain/erp-records';
import type { Person } from '../../office/office-item';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { type ContactDraft, contactPrefill } from '../people/contact-prefill';
import { useServices } from '../services/services-context';
import { toNewContact } from './to-new-contact';

export type CreateContactState =
  | { status: 'editing'; draft: ContactDraft }
  | { status: 'saving'; draft: ContactDraft }
  | { status: 'error'; draft: ContactDraft; error: UiError };

/** A new ERP contact, prefilled from how Outlook shows the person. */
export function useCreateContactForm(person: Person, onCreated: (contact: ErpContact) => void) {
  const { bridge } = useServices();
  const [state, setState] = useState<CreateContactState>(() => ({ status: 'editing', draft: contactPrefill(person) }));

  const update = (field: keyof ContactDraft, value: string) => setState({ status: 'editing', draft: { ...state.draft, [field]: value } });

  const submit = async () => {
    const { draft } = state;
    setState({ status: 'saving', draft });
    try {
      onCreated(await bridge.createContact(toNewContact(draft)));
    } catch (error) {
      setState({ status: 'error', draft, error: toUiError(error) });
    }
  };

  return { state, update, submit };
}
