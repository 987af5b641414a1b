import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../errors/to-ui-error';
import { useErrorNoticeStyles } from './ErrorNotice.styles';
import { useErrorNotice } from './useErrorNotice';

interface ErrorNoticeProps {
  error: UiError;
  onRetry: () => void;
  /** A message for this place, replacing the one for the error's code. */
  title?: string;
}

/** A failure in the user's language, the bridge's own words below it, and one way forward. */
export function ErrorNotice({ error, onRetry, title }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const styles = useErrorNoticeStyles();
  const { state, retry } = useErrorNotice(error, onRetry);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{state.error === error && title ? title : t(`errors.${state.error.code}`)}</MessageBarTitle>
        {state.error.detail ? <Caption1 className={styles.detail}>{state.error.detail}</Caption1> : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabled={state.status === 'signingIn'} onClick={() => void retry()}>
          {state.error.needsSignIn ? t('errors.signIn') : t('errors.retry')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
