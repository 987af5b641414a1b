import { useCallback, useEffect, useState } from 'react';
import type { CurrentItem } from '../../office/office-item';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';

export type ItemState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; item: CurrentItem; version: number }
  | { status: 'error'; error: UiError };

/** The selected item, followed as the user moves through the mailbox (a pinned pane stays open). */
export function useCurrentItem(): { state: ItemState; reload: () => void } {
  const { office } = useServices();
  const [state, setState] = useState<ItemState>({ status: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => office.subscribeItemChanged(() => setVersion((count) => count + 1)), [office]);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    office.readCurrentItem().then(
      (item) => current && setState(item ? { status: 'ready', item, version } : { status: 'none' }),
      (error: unknown) => current && setState({ status: 'error', error: toUiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [office, version]);

  return { state, reload: useCallback(() => setVersion((count) => count + 1), []) };
}
