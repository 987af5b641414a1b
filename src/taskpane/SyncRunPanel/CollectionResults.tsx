import { Caption1, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RunReport } from '../sync/read-run-report';
import { reasonLabel } from '../sync/sync-labels';
import { useSyncRunPanelStyles } from './SyncRunPanel.styles';

const order = ['events', 'tasks'] as const;

/** What the run did in the calendar and in To Do: changes on each side, failed items, or why the collection stopped. */
export function CollectionResults({ collections }: { collections: RunReport['collections'] }) {
  const { t } = useTranslation();
  const styles = useSyncRunPanelStyles();
  return (
    <>
      {order.map((name) => {
        const result = collections[name];
        if (!result) return null;
        return (
          <div key={name}>
            <Text block>{t(`sync.collections.${name}`, { outlook: result.outlookChanges, erp: result.erpChanges })}</Text>
            {result.failedOperations > 0 ? <Text block>{t(`sync.collectionFailed.${name}`, { count: result.failedOperations })}</Text> : null}
            {result.failure ? (
              <Text block>
                {t(`sync.collectionStopped.${name}`, { reason: reasonLabel(t, result.failure.code) })}
                {result.failure.message ? <Caption1 className={styles.muted}> {result.failure.message}</Caption1> : null}
              </Text>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
