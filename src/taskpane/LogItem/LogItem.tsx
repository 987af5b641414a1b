import { Button, Spinner, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { formatDateTime } from '../format/format-date-time';
import type { LogResult, LogStatus } from '../../erp/bridge-types';
import { useLogItemStyles } from './LogItem.styles';
import { useLogItem } from './useLogItem';

interface LogItemProps {
  strings: 'logEmail' | 'logMeeting';
  /** Keep it stable for one item: each new function checks again. */
  check: () => Promise<LogStatus>;
  log: () => Promise<LogResult>;
}

/** "Log this email" / "Log this meeting", or when it was logged. */
export function LogItem({ strings, check, log }: LogItemProps) {
  const { t, i18n } = useTranslation();
  const styles = useLogItemStyles();
  const { state, logNow, retry } = useLogItem(check, log);

  return (
    <div className={styles.root} aria-live="polite">
      {state.status === 'checking' ? <Spinner size="extra-tiny" labelPosition="after" label={t(`${strings}.checking`)} /> : null}
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
