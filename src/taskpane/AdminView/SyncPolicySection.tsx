import { Button, Caption1, Spinner, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { syncCollections } from '../../domain/sync-policy';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { formatDateTime } from '../format/format-date-time';
import { useAdminViewStyles } from './AdminView.styles';
import { CollectionPolicyFields } from './CollectionPolicyFields';
import { useSyncPolicy } from './useSyncPolicy';
import { useSyncPolicyTranslation } from '../sync/useSyncPolicyTranslation';

/**
 * What users of the environment may choose, per collection, within the bridge configuration's
 * limits; users whose choice it no longer allows get the default.
 */
export function SyncPolicySection() {
  const { t, i18n } = useSyncPolicyTranslation();
  const styles = useAdminViewStyles();
  const headingId = useId();
  const { state, edit, save, retry } = useSyncPolicy();

  if (state.status === 'loading') return <Spinner size="tiny" labelPosition="after" label={t('admin.loadingPolicy')} />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={retry} />;

  const { current, draft } = state;
  const saving = state.save.status === 'saving';
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('admin.policyHeading')}
      </h2>
      <Text className={styles.muted}>{t('admin.policyHint')}</Text>
      {current.changedBy && current.changedAt ? (
        <Caption1 className={styles.muted}>{t('admin.changedBy', { name: current.changedBy, date: formatDateTime(current.changedAt, i18n.language) })}</Caption1>
      ) : (
        <Caption1 className={styles.muted}>{t('admin.policyFromConfiguration')}</Caption1>
      )}
      {syncCollections.map((collection) => (
        <CollectionPolicyFields
          key={collection}
          collection={collection}
          policy={draft[collection]}
          configured={current.configured[collection]}
          disabled={saving}
          onChange={(next) => edit(collection, next)}
        />
      ))}
      <Button className={styles.button} appearance="primary" disabled={saving} onClick={() => void save()}>
        {saving ? t('admin.savingPolicy') : t('admin.savePolicy')}
      </Button>
      <div aria-live="polite">{state.save.status === 'saved' ? <Text>{t('admin.policySaved')}</Text> : null}</div>
      {state.save.status === 'failed' ? <ErrorNotice error={state.save.error} onRetry={() => void save()} /> : null}
    </section>
  );
}
