import { useCallback, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import { readSyncPreview, type SyncPreview } from '../sync/read-sync-preview';

export type SyncPreviewState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; preview: SyncPreview } | { status: 'error'; error: UiError };

/** A dry run on request: what the next sync would change, with no write anywhere. */
export function useSyncPreview() {
  const { sync } = useServices();
  const [state, setState] = useState<SyncPreviewState>({ status: 'idle' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', preview: readSyncPreview(await sync.preview()) });
    } catch (error) {
      setState({ status: 'error', error: toUiError(error) });
    }
  }, [sync]);
  return { state, load };
}
