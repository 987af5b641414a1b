import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentItem } from '../../office/office-item';
import { logMeeting } from '../LogItem/item-loggers';
import { LogItem } from '../LogItem/LogItem';
import { PeopleSection, SearchAfterCards } from '../PeopleSection/PeopleSection';
import { useItemPeople } from '../people/useItemPeople';
import { useServices } from '../services/services-context';
import { useItemViewStyles } from '../ItemView/item-view.styles';

/** A meeting (attendee or organizer): its people in the ERP, and logging it linked to them. */
export function AppointmentView({ item }: { item: AppointmentItem }) {
  const { t } = useTranslation();
  const styles = useItemViewStyles();
  const { bridge, office, timeZone } = useServices();
  const { people, contacts, onResolved, settled } = useItemPeople(item);
  const contactId = contacts[0]?.id;
  const { meetingKey } = item;
  const check = useMemo(() => () => bridge.meetingLogStatus(meetingKey), [bridge, meetingKey]);
  const log = useMemo(() => () => logMeeting(bridge, office.readBodyText, item, timeZone, contactId), [bridge, office, item, timeZone, contactId]);

  return (
    <div className={styles.root}>
      <PeopleSection heading={t('people.meetingHeading')} people={people} onResolved={onResolved} />
      <LogItem strings="logMeeting" check={check} log={log} />
      <SearchAfterCards settled={settled} />
    </div>
  );
}
