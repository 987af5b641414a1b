import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErpContact } from '../../domain/erp-records';
import { useCreateActionStyles } from './CreateAction.styles';
import { useCreateAction } from './useCreateAction';

// Inputs, selects and date fields load on the first click, not before the cards.
const CreateActionForm = lazy(() =>
  import(/* webpackChunkName: "forms" */ '../CreateActionForm/CreateActionForm').then((module) => ({ default: module.CreateActionForm })),
);

interface CreateActionProps {
  subject: string;
  contacts: ErpContact[];
}

/** "Create action" (call, visit, meeting, task) from the item. */
export function CreateAction({ subject, contacts }: CreateActionProps) {
  const { t } = useTranslation();
  const styles = useCreateActionStyles();
  const { state, open, close, created } = useCreateAction();

  if (state.status === 'open') {
    return (
      <Suspense fallback={<Spinner size="extra-tiny" />}>
        <CreateActionForm subject={subject} contacts={contacts} onCreated={created} onCancel={close} />
      </Suspense>
    );
  }
  return (
    <div className={styles.root} aria-live="polite">
      {state.created ? (
        <MessageBar intent="success">
          <MessageBarBody>{t('createAction.created', { subject: state.created.subject })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Button onClick={open}>{t('createAction.open')}</Button>
    </div>
  );
}
