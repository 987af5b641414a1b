import { Button, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ErpContact } from '../../domain/erp-records';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { useComposeContactActionsStyles } from './ComposeContactActions.styles';
import { useComposeContactActions } from './useComposeContactActions';

/** "Insert details", "Add to To", "Add to Cc" for one ERP contact. */
export function ComposeContactActions({ contact }: { contact: ErpContact }) {
  const { t } = useTranslation();
  const styles = useComposeContactActionsStyles();
  const { state, email, insert, addRecipient, retry } = useComposeContactActions(contact);
  const working = state.status === 'working';
  return (
    <div aria-live="polite">
      <div className={styles.buttons}>
        <Button size="small" disabled={working} onClick={() => void insert()}>
          {t('compose.insert')}
        </Button>
        {email ? (
          <>
            <Button size="small" disabled={working} onClick={() => void addRecipient('to', email)}>
              {t('compose.addTo')}
            </Button>
            <Button size="small" disabled={working} onClick={() => void addRecipient('cc', email)}>
              {t('compose.addCc')}
            </Button>
          </>
        ) : (
          <Text className={styles.muted}>{t('compose.noEmail')}</Text>
        )}
      </div>
      {state.status === 'done' ? <Text>{t(`compose.${state.what}`)}</Text> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={retry} /> : null}
    </div>
  );
}
