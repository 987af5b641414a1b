import { Button, FluentProvider, Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemView } from '../ItemView/ItemView';
import { useCurrentItem } from '../ItemView/useCurrentItem';
import { fluentThemeFor } from '../theme/fluent-theme-for';
import { useAppStyles } from './App.styles';
import { useApp } from './useApp';

// Settings and admin are rarely opened: separate chunks, fetched on the first click. Settings'
// chunk is asked for already when the pointer or the focus reaches its button, so the click
// seldom waits; a failed early fetch is left to the click, which fetches again and shows it.
const loadSettingsView = () => import(/* webpackChunkName: "settings" */ '../SettingsView/SettingsView');
const preloadSettingsView = () => void loadSettingsView().catch(() => undefined);
const SettingsView = lazy(() => loadSettingsView().then((module) => ({ default: module.SettingsView })));
const AdminView = lazy(() => import(/* webpackChunkName: "admin" */ '../AdminView/AdminView').then((module) => ({ default: module.AdminView })));

export function App() {
  const { t } = useTranslation();
  const styles = useAppStyles();
  const app = useApp();
  const item = useCurrentItem();
  const title = app.page === 'item' ? t('app.title') : app.page === 'settings' ? t('settings.heading') : t('admin.heading');

  return (
    <FluentProvider theme={fluentThemeFor(app.theme)} className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{title}</h1>
        {app.page === 'item' ? (
          <Button appearance="subtle" onClick={app.openSettings} onPointerEnter={preloadSettingsView} onFocus={preloadSettingsView}>
            {t('app.settings')}
          </Button>
        ) : (
          <Button appearance="subtle" onClick={app.back}>
            {t('app.back')}
          </Button>
        )}
      </header>
      <main>
        <Suspense fallback={<Spinner size="small" label={t('app.loadingView')} />}>
          {app.page === 'item' ? <ItemView state={item.state} onRetry={item.reload} /> : null}
          {app.page === 'settings' ? <SettingsView onOpenAdmin={app.openAdmin} /> : null}
          {app.page === 'admin' ? <AdminView /> : null}
        </Suspense>
      </main>
    </FluentProvider>
  );
}
