import { Caption1, Spinner, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ErpAction, ErpContact } from '../../domain/erp-records';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { formatAllDay, formatDate, formatDateTime } from '../format/format-date-time';
import { useServices } from '../services/services-context';
import { useContactDetailsStyles } from './ContactDetails.styles';
import { useContactDetails } from './useContactDetails';

/** An ERP contact: who they are, their account, their last actions. Every ERP string is text, never markup. */
export function ContactDetails({ contact }: { contact: ErpContact }) {
  const { t, i18n } = useTranslation();
  const styles = useContactDetailsStyles();
  const { state, retry } = useContactDetails(contact);
  const { timeZone } = useServices();
  const accountName = state.status === 'ready' ? (state.account?.name ?? contact.companyName) : contact.companyName;
  const facts: [string, string | undefined][] = [
    [t('contact.account'), accountName],
    [t('contact.email'), contact.emails.join(', ') || undefined],
    [t('contact.businessPhone'), contact.businessPhone],
    [t('contact.mobilePhone'), contact.mobilePhone],
  ];
  const when = (action: ErpAction) => {
    if (action.start && action.end && action.allDay) return formatAllDay(action.start, action.end, action.timeZone, i18n.language);
    if (action.start) return formatDateTime(action.start, i18n.language, timeZone);
    return action.dueDate ? formatDate(action.dueDate, i18n.language) : undefined;
  };

  return (
    <div className={styles.root}>
      <Text weight="semibold">{contact.displayName}</Text>
      {contact.jobTitle ? <Caption1 className={styles.muted}>{contact.jobTitle}</Caption1> : null}
      <dl className={styles.facts}>
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([term, value]) => (
            <div key={term} className={styles.pair}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
      </dl>
      <h3 className={styles.heading}>{t('contact.recentActions')}</h3>
      {state.status === 'loading' ? <Spinner size="extra-tiny" labelPosition="after" label={t('contact.loadingDetails')} /> : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && state.actions.length === 0 ? <Caption1 className={styles.muted}>{t('contact.noActions')}</Caption1> : null}
      {state.status === 'ready' && state.actions.length > 0 ? (
        <ul className={styles.actions}>
          {state.actions.map((action) => (
            <li key={action.id} className={styles.action}>
              <Caption1 className={styles.type}>{t(`actionTypes.${action.type}`)}</Caption1>
              <Text>{action.subject}</Text>
              <Caption1 className={styles.muted}>{[when(action), t(`actionStatus.${action.status}`)].filter(Boolean).join(' · ')}</Caption1>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
