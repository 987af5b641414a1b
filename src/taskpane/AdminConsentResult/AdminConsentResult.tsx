import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAdminConsentResultStyles } from './AdminConsentResult.styles';
import type { AdminConsentResult as Result } from './read-admin-consent-result';

/** The tab Entra returns the admin to after the admin-consent page: what happened, and that it may close. */
export function AdminConsentResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  const styles = useAdminConsentResultStyles();
  return (
    <main className={styles.root}>
      {result.kind === 'granted' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t('adminConsent.grantedTitle')}</MessageBarTitle>
            {t('adminConsent.granted')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('adminConsent.refusedTitle')}</MessageBarTitle>
            {t('adminConsent.refused', { reason: result.reason })}
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
