import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentItem } from '../../office/office-item';
import { CreateAction } from '../CreateAction/CreateAction';
import { logMeeting, meetingReferenceOf } from '../LogItem/item-loggers';
import { LogItem } from '../LogItem/LogItem';
import type { LogChoice } from '../LogItem/useLogItem';
import { PeopleSection, SearchAfterCards } from '../PeopleSection/PeopleSection';
import { useItemPeople } from '../people/useItemPeople';
import { useServices } from '../services/services-context';
import { useItemViewStyles } from '../ItemView/item-view.styles';

/**
 * A meeting (attendee or organizer): logging it and a new action first, so the main button stays in
 * view however many attendees the meeting has; then its people in the ERP.
 */
export function AppointmentView({ item }: { item: AppointmentItem }) {
  const { t } = useTranslation();
  const styles = useItemViewStyles();
  const { bridge, office, timeZone } = useServices();
  const { people, contacts, onResolved, settled } = useItemPeople(item);
  const contactId = contacts[0]?.id;
  // The status check depends on the meeting only (one item per view), so it does not repeat as cards resolve.
  const check = useMemo(() => () => bridge.meetingLogStatus(meetingReferenceOf(item)), [bridge, item]);
  const log = useMemo(
    () => (choice: LogChoice) => logMeeting(bridge, office.readBodyText, item, timeZone, contactId, choice),
    [bridge, office, item, timeZone, contactId],
  );

  return (
    <div className={styles.root}>
      <LogItem strings="logMeeting" check={check} log={log} offerPrivate {...(item.markedPrivate === undefined ? {} : { markedPrivate: item.markedPrivate })} />
      <CreateAction subject={item.subject} contacts={contacts} />
      <PeopleSection heading={t('people.meetingHeading')} people={people} onResolved={onResolved} />
      <SearchAfterCards settled={settled} />
    </div>
  );
}
