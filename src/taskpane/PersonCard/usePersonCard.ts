import { useCallback, useEffect, useState } from 'react';
import type { ErpContact } from '../../domain/erp-records';
import type { Person } from '../../office/office-item';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { readContactChoice, rememberContactChoice } from '../people/contact-choices';
import { useServices } from '../services/services-context';
import { resolveMatches } from './resolve-matches';

export type PersonCardState =
  | { status: 'loading' }
  | { status: 'matched'; contact: ErpContact; alternatives: ErpContact[] }
  | { status: 'several'; contacts: ErpContact[] }
  | { status: 'notInErp'; creating: boolean }
  | { status: 'error'; error: UiError };

/** Tells the pane which ERP contact stands for an address (undefined: none yet). */
export type OnResolved = (email: string, contact: ErpContact | undefined) => void;

export function usePersonCard(person: Person, onResolved?: OnResolved) {
  const { bridge, office } = useServices();
  const [state, setState] = useState<PersonCardState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    bridge.findContactsByEmail(person.email).then(
      (contacts) => {
        if (!current) return;
        const matches = resolveMatches(contacts, readContactChoice(office, person.email));
        setState(matches.status === 'notInErp' ? { status: 'notInErp', creating: false } : matches);
      },
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [bridge, office, person.email, attempt]);

  const resolved = state.status === 'matched' ? state.contact : undefined;
  useEffect(() => onResolved?.(person.email, resolved), [onResolved, person.email, resolved]);

  const choose = useCallback(
    (contact: ErpContact, alternatives: ErpContact[]) => {
      setState({ status: 'matched', contact, alternatives });
      // The choice only saves a click next time: a failure to store it is logged, not shown.
      rememberContactChoice(office, person.email, contact.id).catch((error: unknown) => console.warn('could not remember the contact choice', error));
    },
    [office, person.email],
  );

  return {
    state,
    retry: useCallback(() => setAttempt((count) => count + 1), []),
    choose,
    changeContact: (alternatives: ErpContact[]) => setState({ status: 'several', contacts: alternatives }),
    setCreating: (creating: boolean) => setState({ status: 'notInErp', creating }),
    created: (contact: ErpContact) => setState({ status: 'matched', contact, alternatives: [contact] }),
  };
}
