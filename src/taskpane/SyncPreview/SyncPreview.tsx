import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { syncErrorTitle } from '../sync/sync-error-title';
import { useSyncPreviewStyles } from './SyncPreview.styles';
import { useSyncPreview } from './useSyncPreview';

/** "Preview the next run": counts of each kind of change, with a few names, before anything is written. */
export function SyncPreview() {
  const { t, i18n } = useTranslation();
  const styles = useSyncPreviewStyles();
  const headingId = useId();
  const { state, load } = useSyncPreview();
  const numbers = new Intl.NumberFormat(i18n.language);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {t('sync.previewHeading')}
      </h3>
      <Button className={styles.button} disabled={state.status === 'loading'} onClick={() => void load()}>
        {t('sync.preview')}
      </Button>
      <div aria-live="polite">
        {state.status === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('sync.previewing')} /> : null}
        {state.status === 'ready' && state.preview.folderChange ? (
          <Text>{t(state.preview.folderChange.mode === 'move' ? 'sync.previewFolderMove' : 'sync.previewFolderLeave', { count: state.preview.folderChange.contacts })}</Text>
        ) : null}
        {state.status === 'ready' && !state.preview.folderChange && state.preview.counts.length === 0 ? <Text>{t('sync.previewEmpty')}</Text> : null}
        {state.status === 'ready' && state.preview.counts.length > 0 ? (
          <>
            <Text weight="semibold">{t('sync.previewResult')}</Text>
            <dl className={styles.counts}>
              {state.preview.counts.map(({ kind, count, examples }) => (
                <div key={kind} className={styles.row}>
                  <dt className={styles.label}>
                    <Text>{t(`sync.kinds.${kind}`)}</Text>
                    {examples.length ? <Caption1 className={styles.muted}>{t('sync.examples', { names: examples.join(', ') })}</Caption1> : null}
                  </dt>
                  <dd className={styles.count}>{numbers.format(count)}</dd>
                </div>
              ))}
            </dl>
            {state.preview.needsConfirmation ? (
              <MessageBar intent="warning">
                <MessageBarBody>{t('sync.needsConfirmation', { count: state.preview.heldRemovals })}</MessageBarBody>
              </MessageBar>
            ) : null}
          </>
        ) : null}
      </div>
      {state.status === 'error' ? <ErrorNotice error={state.error} title={syncErrorTitle(t, state.error)} onRetry={() => void load()} /> : null}
    </section>
  );
}
