import { Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../office/office-item';
import type { OnResolved } from '../PersonCard/usePersonCard';
import { PersonCard } from '../PersonCard/PersonCard';
import { usePeopleSectionStyles } from './PeopleSection.styles';

// Search sits below the cards and loads once their lookups have answered (its own chunk), so its
// code never competes with them for the network.
const ContactSearch = lazy(() => import(/* webpackChunkName: "search" */ '../ContactSearch/ContactSearch').then((module) => ({ default: module.ContactSearch })));

/** The item's people, each with their ERP card, under a heading. */
export function PeopleSection({ heading, people, onResolved }: { heading: string; people: Person[]; onResolved: OnResolved }) {
  const { t } = useTranslation();
  const styles = usePeopleSectionStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {heading}
      </h2>
      {people.length === 0 ? <Text className={styles.muted}>{t('people.none')}</Text> : null}
      {people.map((person) => (
        <PersonCard key={person.email.toLowerCase()} person={person} onResolved={onResolved} />
      ))}
    </section>
  );
}

/** Contact search, once every card's lookup has answered (`settled`). */
export function SearchAfterCards({ settled }: { settled: boolean }) {
  return settled ? (
    <Suspense fallback={<Spinner size="extra-tiny" />}>
      <ContactSearch />
    </Suspense>
  ) : null;
}
