import { Button, Spinner, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { fieldLabel } from '../sync/sync-labels';
import { useContactNames } from '../sync/useContactNames';
import { useConflictListStyles } from './ConflictList.styles';
import { formatConflictValue } from './format-conflict-value';
import { useConflicts } from './useConflicts';

/** Fields changed on both sides (policy `manual`): the user keeps the ERP or the Outlook value. */
export function ConflictList({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const styles = useConflictListStyles();
  const headingId = useId();
  const { state, resolve, retry } = useConflicts(refreshKey);
  const names = useContactNames(state.status === 'ready' ? state.conflicts.filter((conflict) => conflict.entity === 'contact').map((conflict) => conflict.erpId) : []);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {t('sync.conflictsHeading')}
      </h3>
      {state.status === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('sync.loadingConflicts')} /> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && state.conflicts.length === 0 ? <Text className={styles.muted}>{t('sync.noConflicts')}</Text> : null}
      {state.status === 'ready' && state.conflicts.length > 0 ? (
        <ul className={styles.list} aria-labelledby={headingId}>
          {state.conflicts.map((conflict) => {
            // Contacts are named; an action (a task or an event) is shown by its ERP id.
            const name = conflict.entity === 'contact' ? (names.get(conflict.erpId) ?? t('sync.contact', { id: conflict.erpId })) : t('sync.action', { id: conflict.erpId });
            const label = t('sync.conflictLabel', { name, field: fieldLabel(t, conflict.field) });
            const busy = state.resolving === conflict.id;
            return (
              <li key={conflict.id} className={styles.item}>
                <Text weight="semibold">{label}</Text>
                <dl className={styles.values}>
                  <dt>{t('sync.erpValue')}</dt>
                  <dd className={styles.value}>{formatConflictValue(conflict.erpValue, t('sync.empty'))}</dd>
                  <dt>{t('sync.outlookValue')}</dt>
                  <dd className={styles.value}>{formatConflictValue(conflict.outlookValue, t('sync.empty'))}</dd>
                </dl>
                <div className={styles.buttons}>
                  <Button size="small" disabled={busy} onClick={() => void resolve(conflict.id, 'erp')}>
                    {t('sync.keepErp')}
                  </Button>
                  <Button size="small" disabled={busy} onClick={() => void resolve(conflict.id, 'outlook')}>
                    {t('sync.keepOutlook')}
                  </Button>
                </div>
                {state.failed?.conflictId === conflict.id ? <ErrorNotice error={state.failed.error} onRetry={() => state.failed && void resolve(conflict.id, state.failed.resolution)} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
