import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/format-date-time';
import { readRunReport } from '../sync/read-run-report';
import { CollectionResults } from './CollectionResults';
import { fieldLabel, operationLabel, reasonLabel, statusLabel } from '../sync/sync-labels';
import type { SyncRun } from '../sync/sync-types';
import { useSyncRunPanelStyles } from './SyncRunPanel.styles';

interface RunResultProps {
  run: SyncRun;
  /** A run that held removals back asks the user; confirming starts a run that lets them through. */
  onConfirmRemovals: () => void;
  busy: boolean;
}

/** How a finished run went: changes made, the contacts that failed (with why), or why it stopped. */
export function RunResult({ run, onConfirmRemovals, busy }: RunResultProps) {
  const { t, i18n } = useTranslation();
  const styles = useSyncRunPanelStyles();
  const failuresId = useId();
  const report = readRunReport(run.report);

  return (
    <div className={styles.result}>
      <Text weight="semibold">{t('sync.lastRun', { status: statusLabel(t, run.status), date: formatDateTime(run.finishedAt ?? run.startedAt, i18n.language) })}</Text>
      {report?.contactsSynced ? <Text>{t('sync.applied', { count: report.applied })}</Text> : null}
      {report ? <CollectionResults collections={report.collections} /> : null}
      {report?.folderChange && report.folderChange.moved > 0 ? <Text>{t('sync.folderMoved', { count: report.folderChange.moved })}</Text> : null}
      {report?.folderChange && report.folderChange.left > 0 ? <Text>{t('sync.folderLeft', { count: report.folderChange.left })}</Text> : null}
      {report && report.duplicatesLeftAlone > 0 ? <Text>{t('sync.duplicatesLeftAlone', { count: report.duplicatesLeftAlone })}</Text> : null}
      {report && report.failedOperations > 0 ? (
        <>
          <h4 id={failuresId} className={styles.failuresHeading}>
            {t('sync.failedCount', { count: report.failedOperations })}
          </h4>
          <ul className={styles.failures} aria-labelledby={failuresId}>
            {report.failures.map((failure, index) => (
              <li key={`${failure.erpId}-${failure.operation}-${index}`}>
                <Text>
                  {failure.refused
                    ? t('sync.refusedValue', { erpId: failure.erpId, field: fieldLabel(t, failure.refused.field), value: failure.refused.value })
                    : t('sync.failure', { erpId: failure.erpId, operation: operationLabel(t, failure.operation), reason: reasonLabel(t, failure.code) })}
                </Text>
                {failure.message ? <Caption1 className={styles.muted}>{failure.message}</Caption1> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report?.failure ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('sync.runFailed', { reason: reasonLabel(t, report.failure.code) })}
            {report.failure.message ? <Caption1 className={styles.muted}>{report.failure.message}</Caption1> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {run.status === 'waiting_confirmation' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('sync.heldRemovals', { count: report?.heldRemovals ?? 0 })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={onConfirmRemovals}>
              {t('sync.confirmRemovals')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}
