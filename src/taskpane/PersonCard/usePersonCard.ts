import { useCallback, useEffect, useState } from 'react';
import type { ErpContact } from '../../domain/erp-records';
import type { Person } from '../../office/office-item';
import type { UiError } from '../errors/to-ui-error';
import { readContactChoice, rememberContactChoice } from '../people/contact-choices';
import { useServices } from '../services/services-context';
import { useLoad } from '../services/useLoad';
import { resolveMatches } from './resolve-matches';

export type PersonCardState =
  | { status: 'loading' }
  | { status: 'matched'; contact: ErpContact; alternatives: ErpContact[] }
  | { status: 'several'; contacts: ErpContact[] }
  | { status: 'notInErp'; creating: boolean }
  | { status: 'error'; error: UiError };

/** Tells the pane, once the card's lookup has settled, which ERP contact stands for an address (undefined: none). */
export type OnResolved = (email: string, contact: ErpContact | undefined) => void;

export function usePersonCard(person: Person, onResolved?: OnResolved) {
  const { bridge, office } = useServices();
  const [state, setState] = useState<PersonCardState>({ status: 'loading' });
  const retry = useLoad(
    setState,
    async () => {
      const matches = resolveMatches(await bridge.findContactsByEmail(person.email), readContactChoice(office, person.email));
      return matches.status === 'notInErp' ? { status: 'notInErp' as const, creating: false } : matches;
    },
    [bridge, office, person.email],
  );

  const resolved = state.status === 'matched' ? state.contact : undefined;
  const settled = state.status !== 'loading';
  useEffect(() => {
    if (settled) onResolved?.(person.email, resolved);
  }, [onResolved, person.email, resolved, settled]);

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
    retry,
    choose,
    changeContact: (alternatives: ErpContact[]) => setState({ status: 'several', contacts: alternatives }),
    setCreating: (creating: boolean) => setState({ status: 'notInErp', creating }),
    created: (contact: ErpContact) => setState({ status: 'matched', contact, alternatives: [contact] }),
  };
}
