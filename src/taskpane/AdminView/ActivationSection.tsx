import { Button, Caption1, Field, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { formatDateTime } from '../format/format-date-time';
import { useAdminViewStyles } from './AdminView.styles';
import { useAdminEnvironment } from './useAdminEnvironment';

/**
 * A supervisor turns sync on by entering the App ID of the environment's app registration (the
 * bridge checks it), and finds the admin-consent link for the tenant.
 */
export function ActivationSection({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const styles = useAdminViewStyles();
  const headingId = useId();
  const consentHeadingId = useId();
  const { state, setActivation, retry } = useAdminEnvironment();
  const [appId, setAppId] = useState('');

  if (state.status === 'loading') return <Spinner size="tiny" labelPosition="after" label={t('admin.loadingEnvironment')} />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={retry} />;

  const { environment, save } = state;
  const { activation } = environment;
  const saving = save.status === 'saving';
  const submit = async (activated: boolean, applicationId: string) => {
    await setActivation(activated, applicationId);
    onChanged();
  };

  return (
    <>
      <section className={styles.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.heading}>
          {t('admin.activationHeading')}
        </h2>
        <Text>{t('admin.environment', { name: environment.environment })}</Text>
        <Text className={styles.muted}>{t(`admin.modes.${environment.mode}`)}</Text>
        <Text weight="semibold" aria-live="polite">
          {activation.syncActivated ? t('admin.activated') : t('admin.notActivated')}
        </Text>
        {activation.changedBy && activation.changedAt ? (
          <Caption1 className={styles.muted}>{t('admin.changedBy', { name: activation.changedBy, date: formatDateTime(activation.changedAt, i18n.language) })}</Caption1>
        ) : null}
        {activation.syncActivated ? (
          <Button className={styles.button} disabled={saving} onClick={() => void submit(false, activation.applicationId)}>
            {saving ? t('admin.savingActivation') : t('admin.deactivate')}
          </Button>
        ) : (
          <form
            className={styles.form}
            onSubmit={(event) => {
              event.preventDefault();
              void submit(true, appId);
            }}
          >
            <Field label={t('admin.appId')} hint={t('admin.appIdHint')} required>
              <Input value={appId} disabled={saving} onChange={(_event, data) => setAppId(data.value)} spellCheck={false} autoComplete="off" />
            </Field>
            <Button className={styles.button} appearance="primary" type="submit" disabled={saving || appId.trim() === ''}>
              {saving ? t('admin.savingActivation') : t('admin.activate')}
            </Button>
          </form>
        )}
        {save.status === 'failed' && save.error.code === 'invalid_input' ? (
          // Sending the same App ID again cannot succeed: say where the right one is instead of offering a retry.
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t('admin.invalidAppId')}</MessageBarTitle>
              <Text block>{t('admin.invalidAppIdHelp')}</Text>
              {save.error.detail ? <Caption1 className={styles.muted}>{save.error.detail}</Caption1> : null}
            </MessageBarBody>
          </MessageBar>
        ) : save.status === 'failed' ? (
          <ErrorNotice error={save.error} onRetry={() => void submit(!activation.syncActivated, activation.syncActivated ? activation.applicationId : appId)} />
        ) : null}
      </section>
      <section className={styles.section} aria-labelledby={consentHeadingId}>
        <h2 id={consentHeadingId} className={styles.heading}>
          {t('admin.consentHeading')}
        </h2>
        <Text className={styles.muted}>{t('admin.consentHint')}</Text>
        <Link href={environment.adminConsentUrl} target="_blank" rel="noopener noreferrer">
          {t('admin.consentLink')}
        </Link>
      </section>
    </>
  );
}
