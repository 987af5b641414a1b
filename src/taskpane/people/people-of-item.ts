import type { CurrentItem, Person } from '../../office/office-item';

/**
 * The people to show cards for, in the order a salesperson reads them (sender, To, Cc; organizer,
 * attendees), each address once, without the mailbox owner.
 */
export function peopleOfItem(item: CurrentItem, ownEmail: string): Person[] {
  const all = (() => {
    switch (item.surface) {
      case 'messageRead':
        return [...(item.from ? [item.from] : []), ...item.to, ...item.cc];
      case 'messageCompose':
        return [...item.to, ...item.cc];
      case 'appointmentAttendee':
      case 'appointmentOrganizer':
        return [...(item.organizer ? [item.organizer] : []), ...item.attendees];
    }
  })();
  const seen = new Set([ownEmail.toLowerCase()]);
  return all.filter((person) => {
    const key = person.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
