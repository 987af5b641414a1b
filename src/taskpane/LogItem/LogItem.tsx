import { Button, Caption1, Spinner, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { formatDateTime } from '../format/format-date-time';
import type { LogResult, LogStatus } from '../../erp/bridge-types';
import { useLogItemStyles } from './LogItem.styles';
import { type LogChoice, useLogItem } from './useLogItem';

interface LogItemProps {
  strings: 'logEmail' | 'logMeeting';
  /** Keep it stable for one item: each new function checks again. */
  check: () => Promise<LogStatus>;
  log: (choice: LogChoice) => Promise<LogResult>;
  /** Shows "Log as private" (meetings: the bridge reads Outlook's sensitivity). */
  offerPrivate?: boolean;
  /** Office's own word on the item's sensitivity, when the bridge gives none. */
  markedPrivate?: boolean;
}

/** "Log this email" / "Log this meeting", or when it was logged. */
export function LogItem({ strings, check, log, offerPrivate = false, markedPrivate = false }: LogItemProps) {
  const { t, i18n } = useTranslation();
  const styles = useLogItemStyles();
  const { state, logNow, retry, asPrivate, setAsPrivate } = useLogItem(check, log, markedPrivate);
  const privateId = useId();

  return (
    <div className={styles.root} aria-live="polite">
      {state.status === 'checking' ? <Spinner size="extra-tiny" labelPosition="after" label={t(`${strings}.checking`)} /> : null}
      {offerPrivate && (state.status === 'notLogged' || state.status === 'logging') ? (
        <div className={styles.choice}>
          {/* A native checkbox: Fluent's would add to the code loaded before the card. */}
          <input id={privateId} type="checkbox" checked={asPrivate} disabled={state.status === 'logging'} onChange={(event) => setAsPrivate(event.target.checked)} />
          <label htmlFor={privateId}>{t('logItem.private')}</label>
          {state.status === 'notLogged' && state.markedPrivate ? <Caption1 className={styles.muted}>{t('logItem.markedPrivate')}</Caption1> : null}
        </div>
      ) : null}
      {state.status === 'notLogged' || state.status === 'logging' ? (
        <Button appearance="primary" disabled={state.status === 'logging'} onClick={() => void logNow()}>
          {state.status === 'logging' ? t(`${strings}.logging`) : t(`${strings}.log`)}
        </Button>
      ) : null}
      {state.status === 'logged' ? (
        <div className={styles.logged}>
          <span className={styles.check} aria-hidden>
            ✓
          </span>
          <Text>{t(`${strings}.logged`, { date: formatDateTime(state.loggedAt, i18n.language) })}</Text>
        </div>
      ) : null}
      {state.status === 'loggedPrivately' ? <Text>{t(`${strings}.loggedPrivately`)}</Text> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={retry} /> : null}
    </div>
  );
}
