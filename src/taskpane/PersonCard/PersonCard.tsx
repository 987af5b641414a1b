import { Button, Caption1, Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../office/office-item';
import { ContactChooser } from '../ContactChooser/ContactChooser';
import { ContactDetails } from '../ContactDetails/ContactDetails';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { usePersonCardStyles } from './PersonCard.styles';
import { type OnResolved, usePersonCard } from './usePersonCard';

// The form is needed only after a click: its inputs stay out of the code loaded before the card.
const CreateContactForm = lazy(() =>
  import(/* webpackChunkName: "forms" */ '../CreateContactForm/CreateContactForm').then((module) => ({ default: module.CreateContactForm })),
);

interface PersonCardProps {
  person: Person;
  onResolved?: OnResolved;
}

/** One person of the item and who they are in the ERP. */
export function PersonCard({ person, onResolved }: PersonCardProps) {
  const { t } = useTranslation();
  const styles = usePersonCardStyles();
  const card = usePersonCard(person, onResolved);
  const { state } = card;
  const title = person.name ?? person.email;

  return (
    <section className={styles.card} aria-label={t('card.label', { name: title })}>
      <div className={styles.header}>
        <Text weight="semibold">{title}</Text>
        {person.name ? <Caption1 className={styles.muted}>{person.email}</Caption1> : null}
      </div>
      {state.status === 'loading' ? <Spinner size="tiny" labelPosition="after" label={t('card.lookingUp', { email: person.email })} /> : null}
      {state.status === 'matched' ? (
        <>
          <ContactDetails contact={state.contact} />
          {state.alternatives.length > 1 ? (
            <Button appearance="subtle" size="small" onClick={() => card.changeContact(state.alternatives)}>
              {t('card.changeContact')}
            </Button>
          ) : null}
        </>
      ) : null}
      {state.status === 'several' ? <ContactChooser email={person.email} contacts={state.contacts} onChoose={(contact) => card.choose(contact, state.contacts)} /> : null}
      {state.status === 'notInErp' && !state.creating ? (
        <div className={styles.row}>
          <Text>{t('card.notInErp')}</Text>
          <Button size="small" onClick={() => card.setCreating(true)}>
            {t('card.createContact')}
          </Button>
        </div>
      ) : null}
      {state.status === 'notInErp' && state.creating ? (
        <Suspense fallback={<Spinner size="extra-tiny" />}>
          <CreateContactForm person={person} onCreated={card.created} onCancel={() => card.setCreating(false)} />
        </Suspense>
      ) : null}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={card.retry} /> : null}
    </section>
  );
}
