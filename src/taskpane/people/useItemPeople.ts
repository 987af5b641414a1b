import { useCallback, useMemo, useState } from 'react';
import type { ErpContact } from '../../domain/erp-records';
import type { CurrentItem } from '../../office/office-item';
import { peopleOfItem } from './people-of-item';
import type { OnResolved } from '../PersonCard/usePersonCard';
import { useServices } from '../services/services-context';

/**
 * The item's people and, as their cards resolve, their ERP contacts in the same order: the first
 * one is what an email or meeting is logged against. `settled` turns true once every card's
 * lookup has answered.
 */
export function useItemPeople(item: CurrentItem) {
  const { office } = useServices();
  const people = useMemo(() => peopleOfItem(item, office.userEmail()), [item, office]);
  const [byEmail, setByEmail] = useState<Record<string, ErpContact | undefined>>({});

  const onResolved: OnResolved = useCallback((email, contact) => {
    const key = email.toLowerCase();
    setByEmail((previous) => (key in previous && previous[key] === contact ? previous : { ...previous, [key]: contact }));
  }, []);
  const settled = people.every((person) => person.email.toLowerCase() in byEmail);

  const contacts = useMemo(() => {
    const found = people.flatMap((person) => byEmail[person.email.toLowerCase()] ?? []);
    return found.filter((contact, index) => found.findIndex((other) => other.id === contact.id) === index);
  }, [byEmail, people]);

  return { people, contacts, onResolved, settled };
}
