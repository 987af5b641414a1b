import { Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageReadItem } from '../../office/office-item';
import { CreateAction } from '../CreateAction/CreateAction';
import { logEmail } from '../LogItem/item-loggers';
import { LogItem } from '../LogItem/LogItem';
import type { LogChoice } from '../LogItem/useLogItem';
import { PeopleSection, SearchAfterCards } from '../PeopleSection/PeopleSection';
import { useItemPeople } from '../people/useItemPeople';
import { useServices } from '../services/services-context';
import { useItemViewStyles } from '../ItemView/item-view.styles';

/** A message being read: its people in the ERP, logging, a new action, and search. */
export function ReadView({ item }: { item: MessageReadItem }) {
  const { t } = useTranslation();
  const styles = useItemViewStyles();
  const { bridge, office } = useServices();
  const { people, contacts, onResolved, settled } = useItemPeople(item);
  const contactId = contacts[0]?.id;
  const { internetMessageId, from } = item;
  // The status check depends on the message only, so it does not repeat as cards resolve.
  const check = useMemo(() => (internetMessageId ? () => bridge.emailLogStatus(internetMessageId) : undefined), [bridge, internetMessageId]);
  const log = useMemo(
    () =>
      internetMessageId && from
        ? (choice: LogChoice) => logEmail(bridge, office.readBodyText, { ...item, internetMessageId, from }, contactId, choice)
        : undefined,
    [bridge, office, item, internetMessageId, from, contactId],
  );

  return (
    <div className={styles.root}>
      <PeopleSection heading={t('people.emailHeading')} people={people} onResolved={onResolved} />
      {check && log ? <LogItem strings="logEmail" check={check} log={log} offerPrivate /> : <Text className={styles.muted}>{t('logEmail.unavailable')}</Text>}
      <CreateAction subject={item.subject} contacts={contacts} />
      <SearchAfterCards settled={settled} />
    </div>
  );
}
