import { useCallback, useEffect, useState } from 'react';
import type { ErpContact } from '../../domain/erp-records';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';

export type ContactSearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'results'; contacts: ErpContact[] }
  | { status: 'empty' }
  | { status: 'error'; error: UiError };

/** Waits for a pause in typing, so a name typed quickly costs one request. */
const debounceMs = 300;

export function useContactSearch() {
  const { bridge } = useServices();
  const [text, setText] = useState('');
  const [state, setState] = useState<ContactSearchState>({ status: 'idle' });
  const [selected, setSelected] = useState<ErpContact | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setState({ status: 'searching' });
      bridge.searchContacts(query).then(
        (contacts) => current && setState(contacts.length ? { status: 'results', contacts } : { status: 'empty' }),
        (error: unknown) => current && setState({ status: 'error', error: toUiError(error) }),
      );
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [bridge, text, attempt]);

  return {
    text,
    state,
    selected,
    search: useCallback((value: string) => {
      setText(value);
      setSelected(undefined);
    }, []),
    select: setSelected,
    retry: useCallback(() => setAttempt((count) => count + 1), []),
  };
}
