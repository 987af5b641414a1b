import { Button, Spinner, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { syncErrorTitle } from '../sync/sync-error-title';
import { RunResult } from './RunResult';
import { SyncProgress } from './SyncProgress';
import { useSyncRunPanelStyles } from './SyncRunPanel.styles';
import { useSyncRun } from './useSyncRun';

interface SyncRunPanelProps {
  /** How often a running run is asked for (tests pass a few milliseconds). */
  pollMs?: number;
  /** After a run ends: conflicts and deleted contacts may have changed. */
  onFinished: () => void;
}

/** "Sync now" with the run's stage and progress, then its result; the last run's result otherwise. */
export function SyncRunPanel({ pollMs = 1000, onFinished }: SyncRunPanelProps) {
  const { t } = useTranslation();
  const styles = useSyncRunPanelStyles();
  const headingId = useId();
  const { state, start, retry } = useSyncRun(pollMs, onFinished);
  const busy = state.status === 'loading' || state.status === 'starting' || state.status === 'running';
  const last = state.status === 'idle' || state.status === 'starting' || state.status === 'error' ? state.last : undefined;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {t('sync.runHeading')}
      </h3>
      <Button className={styles.button} appearance="primary" disabled={busy} onClick={() => void start(false)}>
        {state.status === 'starting' ? t('sync.starting') : t('sync.runNow')}
      </Button>
      {state.status === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('sync.loadingRuns')} /> : null}
      {state.status === 'running' ? <SyncProgress run={state.run} /> : null}
      {state.status === 'idle' && state.followed && state.last ? <SyncProgress run={state.last} /> : null}
      {state.status === 'idle' && !state.last ? <Text>{t('sync.neverRun')}</Text> : null}
      {last ? <RunResult run={last} busy={busy} onConfirmRemovals={() => void start(true)} /> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} title={syncErrorTitle(t, state.error)} onRetry={retry} /> : null}
    </section>
  );
}
