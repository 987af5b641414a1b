import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ConsentProblem } from '../SettingsView/useSettings';

interface ConsentNoticeProps {
  /** The dialog is open: the button waits for it. */
  consenting: boolean;
  /** How the last request ended, when it did not end in consent. */
  problem?: ConsentProblem;
  onGiveConsent: () => void;
}

/** Sync cannot act for the user until they consent: says so, and offers the one click that asks them. */
export function ConsentNotice({ consenting, problem, onGiveConsent }: ConsentNoticeProps) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('settings.consent.needed')}</MessageBarTitle>
        {problem ? <Caption1 block>{t(`settings.consent.${problem.kind}`)}</Caption1> : null}
        {problem && problem.kind !== 'closed' ? <Caption1 block>{problem.reason}</Caption1> : null}
      </MessageBarBody>
      <MessageBarActions>
        {consenting ? <Spinner size="extra-tiny" labelPosition="after" label={t('settings.consent.waiting')} /> : null}
        <Button size="small" appearance="primary" disabled={consenting} onClick={onGiveConsent}>
          {t('settings.consent.give')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
