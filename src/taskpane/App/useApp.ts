import { useEffect, useState } from 'react';
import type { HostTheme } from '../../office/office-host';
import { useServices } from '../services/services-context';

export type Page = 'item' | 'settings' | 'admin';

/** The pane's page and Office's theme, which can change while the pane is open. */
export function useApp() {
  const { office } = useServices();
  const [theme, setTheme] = useState<HostTheme>(() => office.theme());
  const [page, setPage] = useState<Page>('item');
  useEffect(() => office.subscribeThemeChanged(setTheme), [office]);
  return {
    theme,
    page,
    openSettings: () => setPage('settings'),
    openAdmin: () => setPage('admin'),
    back: () => setPage(page === 'admin' ? 'settings' : 'item'),
  };
}
