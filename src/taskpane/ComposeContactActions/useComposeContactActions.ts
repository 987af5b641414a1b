import { useRef, useState } from 'react';
import type { ErpContact } from '../../domain/erp-records';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { formatContactDetails } from './format-contact-details';

export type ComposeActionState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; what: 'inserted' | 'added' }
  | { status: 'error'; error: UiError };

/** Puts an ERP contact into the message being written: as text at the cursor, or as a recipient. */
export function useComposeContactActions(contact: ErpContact) {
  const { office } = useServices();
  const [state, setState] = useState<ComposeActionState>({ status: 'idle' });
  const last = useRef<() => Promise<void>>(undefined);
  const email = contact.emails[0];

  const run = async (what: 'inserted' | 'added', work: () => Promise<void>) => {
    last.current = () => run(what, work);
    setState({ status: 'working' });
    try {
      await work();
      setState({ status: 'done', what });
    } catch (error) {
      setState({ status: 'error', error: toUiError(error) });
    }
  };

  return {
    state,
    email,
    insert: () => run('inserted', () => office.insertText(formatContactDetails(contact))),
    addRecipient: (field: 'to' | 'cc', address: string) => run('added', () => office.addRecipients(field, [{ email: address, name: contact.displayName }])),
    retry: () => void last.current?.(),
  };
}
