import { Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageReadItem } from '../../office/office-item';
import { CreateAction } from '../CreateAction/CreateAction';
import { logEmail } from '../LogItem/item-loggers';
import { LogItem } from '../LogItem/LogItem';
import { PersonCard } from '../PersonCard/PersonCard';
import { useServices } from '../services/services-context';
import { useReadViewStyles } from './ReadView.styles';
import { useItemPeople } from '../people/useItemPeople';

// Search sits below the cards and loads once their lookups have answered (its own chunk), so its
// code never competes with them for the network.
const ContactSearch = lazy(() => import(/* webpackChunkName: "search" */ '../ContactSearch/ContactSearch').then((module) => ({ default: module.ContactSearch })));

/** A message being read: its people in the ERP, logging, a new action, and search. */
export function ReadView({ item }: { item: MessageReadItem }) {
  const { t } = useTranslation();
  const styles = useReadViewStyles();
  const headingId = useId();
  const { bridge, office } = useServices();
  const { people, contacts, onResolved, settled } = useItemPeople(item);
  const contactId = contacts[0]?.id;
  const { internetMessageId, from } = item;
  // The status check depends on the message only, so it does not repeat as cards resolve.
  const check = useMemo(() => (internetMessageId ? () => bridge.emailLogStatus(internetMessageId) : undefined), [bridge, internetMessageId]);
  const log = useMemo(
    () => (internetMessageId && from ? () => logEmail(bridge, office.readBodyText, { ...item, internetMessageId, from }, contactId) : undefined),
    [bridge, office, item, internetMessageId, from, contactId],
  );

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.heading}>
          {t('people.emailHeading')}
        </h2>
        {people.length === 0 ? <Text className={styles.muted}>{t('people.none')}</Text> : null}
        {people.map((person) => (
          <PersonCard key={person.email.toLowerCase()} person={person} onResolved={onResolved} />
        ))}
      </section>
      {check && log ? <LogItem strings="logEmail" check={check} log={log} /> : <Text className={styles.muted}>{t('logEmail.unavailable')}</Text>}
      <CreateAction subject={item.subject} contacts={contacts} />
      {settled ? (
        <Suspense fallback={<Spinner size="extra-tiny" />}>
          <ContactSearch />
        </Suspense>
      ) : null}
    </div>
  );
}
