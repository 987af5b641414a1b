import { Button, Field, Input } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErpContact } from '../../domain/erp-records';
import type { Person } from '../../office/office-item';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import type { ContactDraft } from '../people/contact-prefill';
import { useCreateContactFormStyles } from './CreateContactForm.styles';
import { useCreateContactForm } from './useCreateContactForm';

interface CreateContactFormProps {
  person: Person;
  onCreated: (contact: ErpContact) => void;
  onCancel: () => void;
}

const fields: { name: keyof ContactDraft; type: 'text' | 'email' | 'tel' }[] = [
  { name: 'givenName', type: 'text' },
  { name: 'surname', type: 'text' },
  { name: 'email', type: 'email' },
  { name: 'jobTitle', type: 'text' },
  { name: 'businessPhone', type: 'tel' },
];

export function CreateContactForm({ person, onCreated, onCancel }: CreateContactFormProps) {
  const { t } = useTranslation();
  const styles = useCreateContactFormStyles();
  const headingId = useId();
  const { state, update, submit } = useCreateContactForm(person, onCreated);
  const saving = state.status === 'saving';

  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={headingId} className={styles.heading}>
        {t('createContact.title')}
      </h3>
      {fields.map(({ name, type }, index) => (
        <Field key={name} label={t(`createContact.${name}`)}>
          {/* The form opens on a click: focus follows, so keyboard users land in it. */}
          <Input type={type} value={state.draft[name]} disabled={saving} autoFocus={index === 0} onChange={(_event, data) => update(name, data.value)} />
        </Field>
      ))}
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={() => void submit()} /> : null}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? t('createContact.saving') : t('createContact.save')}
        </Button>
        <Button type="button" disabled={saving} onClick={onCancel}>
          {t('createContact.cancel')}
        </Button>
      </div>
    </form>
  );
}
