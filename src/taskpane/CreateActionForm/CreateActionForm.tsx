import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErpAction, ErpContact } from '../../domain/erp-records';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { type DraftActionType, draftActionTypes } from './action-draft';
import { useCreateActionFormStyles } from './CreateActionForm.styles';
import { useCreateActionForm } from './useCreateActionForm';

interface CreateActionFormProps {
  subject: string;
  /** The item's people who are ERP contacts; an action needs one. */
  contacts: ErpContact[];
  onCreated: (action: ErpAction) => void;
  onCancel: () => void;
}

export function CreateActionForm({ subject, contacts, onCreated, onCancel }: CreateActionFormProps) {
  const { t } = useTranslation();
  const styles = useCreateActionFormStyles();
  const headingId = useId();
  const { state, update, submit } = useCreateActionForm(subject, contacts, onCreated);
  const { draft } = state;
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
        {t('createAction.title')}
      </h3>
      {contacts.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('createAction.needContact')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('createAction.type')}>
        {/* The form opens on a click: focus follows, so keyboard users land in it. */}
        <Select value={draft.type} disabled={saving} autoFocus onChange={(_event, data) => update({ type: toActionType(data.value) })}>
          {draftActionTypes.map((type) => (
            <option key={type} value={type}>
              {t(`actionTypes.${type}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('createAction.subject')} required>
        <Input value={draft.subject} disabled={saving} onChange={(_event, data) => update({ subject: data.value })} />
      </Field>
      <Field label={t('createAction.contact')} required>
        <Select value={draft.contactId} disabled={saving || contacts.length === 0} onChange={(_event, data) => update({ contactId: data.value })}>
          {contacts.map((contact) => (
            <option key={contact.id} value={contact.id}>
              {contact.displayName}
            </option>
          ))}
        </Select>
      </Field>
      {draft.type === 'task' ? (
        <Field label={t('createAction.dueDate')}>
          <Input type="date" value={draft.dueDate} disabled={saving} onChange={(_event, data) => update({ dueDate: data.value })} />
        </Field>
      ) : (
        <div className={styles.times}>
          <Field label={t('createAction.start')}>
            <Input type="datetime-local" value={draft.start} disabled={saving} onChange={(_event, data) => update({ start: data.value })} />
          </Field>
          <Field label={t('createAction.end')}>
            <Input type="datetime-local" value={draft.end} disabled={saving} onChange={(_event, data) => update({ end: data.value })} />
          </Field>
        </div>
      )}
      <Field label={t('createAction.notes')}>
        <Textarea value={draft.notes} disabled={saving} onChange={(_event, data) => update({ notes: data.value })} />
      </Field>
      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={() => void submit()} /> : null}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={saving || contacts.length === 0 || !draft.subject.trim()}>
          {saving ? t('createAction.saving') : t('createAction.save')}
        </Button>
        <Button type="button" disabled={saving} onClick={onCancel}>
          {t('createAction.cancel')}
        </Button>
      </div>
    </form>
  );
}

function toActionType(value: string): DraftActionType {
  return draftActionTypes.find((type) => type === value) ?? 'call';
}
