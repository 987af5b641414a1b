import { Field, ProgressBar, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { stageLabel } from '../sync/sync-labels';
import type { SyncRun } from '../sync/sync-types';

/** Stage and done / total of a run; the bar has no end until the run knows its total. */
export function SyncProgress({ run }: { run: SyncRun }) {
  const { t } = useTranslation();
  const value = run.status === 'succeeded' ? 1 : run.total > 0 ? run.done / run.total : undefined;
  const count = run.total > 0 ? t('sync.progressCount', { done: run.done, total: run.total }) : '';
  return (
    <>
      <Field label={t('sync.progressLabel')}>
        <ProgressBar value={value} max={1} thickness="large" />
      </Field>
      <Text aria-live="polite">{[stageLabel(t, run.stage), count].filter(Boolean).join(' · ')}</Text>
    </>
  );
}
