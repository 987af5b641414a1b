import { Button, Spinner, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { useContactNames } from '../sync/useContactNames';
import { useSuppressedListStyles } from './SuppressedList.styles';
import { useSuppressed } from './useSuppressed';

/** Contacts the user deleted in Outlook stay out of the folder; here they can come back. */
export function SuppressedList({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const styles = useSuppressedListStyles();
  const headingId = useId();
  const { state, restore, retry } = useSuppressed(refreshKey);
  const names = useContactNames(state.status === 'ready' ? state.contacts.map((contact) => contact.erpId) : []);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {t('sync.suppressedHeading')}
      </h3>
      <Text className={styles.muted}>{t('sync.suppressedHint')}</Text>
      {state.status === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('sync.loadingSuppressed')} /> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && state.contacts.length === 0 ? <Text>{t('sync.noSuppressed')}</Text> : null}
      {state.status === 'ready' && state.contacts.length > 0 ? (
        <ul className={styles.list} aria-labelledby={headingId}>
          {state.contacts.map((contact) => {
            const name = names.get(contact.erpId) ?? t('sync.contact', { id: contact.erpId });
            return (
              <li key={contact.erpId} className={styles.item}>
                <Text>{name}</Text>
                <Button size="small" aria-label={t('sync.restoreName', { name })} disabled={state.restoring === contact.erpId} onClick={() => void restore(contact.erpId)}>
                  {t('sync.restore')}
                </Button>
                {state.failed?.erpId === contact.erpId ? <ErrorNotice error={state.failed.error} onRetry={() => void restore(contact.erpId)} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
