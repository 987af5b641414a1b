import { Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentItem } from '../../office/office-item';
import { logMeeting } from '../LogItem/item-loggers';
import { LogItem } from '../LogItem/LogItem';
import { useItemPeople } from '../people/useItemPeople';
import { PersonCard } from '../PersonCard/PersonCard';
import { useServices } from '../services/services-context';
import { useAppointmentViewStyles } from './AppointmentView.styles';

// Search sits below the cards and loads once their lookups have answered (its own chunk), so its
// code never competes with them for the network.
const ContactSearch = lazy(() => import(/* webpackChunkName: "search" */ '../ContactSearch/ContactSearch').then((module) => ({ default: module.ContactSearch })));

/** A meeting (attendee or organizer): its people in the ERP, and logging it linked to them. */
export function AppointmentView({ item }: { item: AppointmentItem }) {
  const { t } = useTranslation();
  const styles = useAppointmentViewStyles();
  const headingId = useId();
  const { bridge, office, timeZone } = useServices();
  const { people, contacts, onResolved, settled } = useItemPeople(item);
  const contactId = contacts[0]?.id;
  const { meetingKey } = item;
  const check = useMemo(() => () => bridge.meetingLogStatus(meetingKey), [bridge, meetingKey]);
  const log = useMemo(() => () => logMeeting(bridge, office.readBodyText, item, timeZone, contactId), [bridge, office, item, timeZone, contactId]);

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.heading}>
          {t('people.meetingHeading')}
        </h2>
        {people.length === 0 ? <Text className={styles.muted}>{t('people.none')}</Text> : null}
        {people.map((person) => (
          <PersonCard key={person.email.toLowerCase()} person={person} onResolved={onResolved} />
        ))}
      </section>
      <LogItem strings="logMeeting" check={check} log={log} />
      {settled ? (
        <Suspense fallback={<Spinner size="extra-tiny" />}>
          <ContactSearch />
        </Suspense>
      ) : null}
    </div>
  );
}
