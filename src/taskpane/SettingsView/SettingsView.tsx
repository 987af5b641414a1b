import { Button, Spinner, Switch, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { useSettingsViewStyles } from './SettingsView.styles';
import { useSettings } from './useSettings';

/** The user's sync settings (loaded on demand). Folder picking and sync progress come with the sync API. */
export function SettingsView({ onOpenAdmin }: { onOpenAdmin: () => void }) {
  const { t } = useTranslation();
  const styles = useSettingsViewStyles();
  const { state, toggle, retry } = useSettings();

  return (
    <section className={styles.root} aria-label={t('settings.heading')}>
      <h2 className={styles.heading}>{t('settings.heading')}</h2>
      {state.status === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('settings.loading')} /> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <>
          <Switch
            label={t('settings.syncEnabled')}
            checked={state.settings.enabled}
            disabled={state.save.status === 'saving'}
            onChange={(_event, data) => void toggle('enabled', data.checked)}
          />
          <Switch
            label={t('settings.actionsEnabled')}
            checked={state.settings.actionsEnabled}
            disabled={state.save.status === 'saving' || !state.settings.enabled}
            onChange={(_event, data) => void toggle('actionsEnabled', data.checked)}
          />
          <Text className={styles.muted}>
            {state.settings.contactFolderName ? t('settings.contactFolder', { name: state.settings.contactFolderName }) : t('settings.folderNotChosen')}
          </Text>
          <div aria-live="polite">
            {state.save.status === 'saving' ? <Text>{t('settings.saving')}</Text> : null}
            {state.save.status === 'saved' ? <Text>{t('settings.saved')}</Text> : null}
          </div>
          {state.save.status === 'failed' ? <ErrorNotice error={state.save.error} onRetry={retry} /> : null}
          {state.isAdmin ? <Button onClick={onOpenAdmin}>{t('settings.admin')}</Button> : null}
        </>
      ) : null}
    </section>
  );
}
