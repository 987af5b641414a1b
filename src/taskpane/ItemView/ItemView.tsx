import { Spinner, Text } from '@fluentui/react-components';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { AppointmentView } from '../AppointmentView/AppointmentView';
import { ErrorNotice } from '../ErrorNotice/ErrorNotice';
import { ReadView } from '../ReadView/ReadView';
import { ActionsRevisionProvider } from '../services/ActionsRevisionProvider';
import type { ItemState } from './useCurrentItem';

// Compose is its own chunk: reading mail, the common case, does not download it.
const ComposeView = lazy(() => import(/* webpackChunkName: "compose" */ '../ComposeView/ComposeView').then((module) => ({ default: module.ComposeView })));

/** The view for the selected item's surface; each item gets fresh state (keyed by the caller). */
export function ItemView({ state, onRetry }: { state: ItemState; onRetry: () => void }) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'loading':
      return <Spinner size="small" label={t('app.loadingItem')} />;
    case 'none':
      return <Text>{t('app.noItem')}</Text>;
    case 'error':
      return <ErrorNotice error={state.error} onRetry={onRetry} />;
    case 'ready':
      switch (state.item.surface) {
        case 'messageRead':
          return (
            <ActionsRevisionProvider key={state.version}>
              <ReadView item={state.item} />
            </ActionsRevisionProvider>
          );
        case 'messageCompose':
          return <ComposeView key={state.version} />;
        case 'appointmentAttendee':
        case 'appointmentOrganizer':
          return (
            <ActionsRevisionProvider key={state.version}>
              <AppointmentView item={state.item} />
            </ActionsRevisionProvider>
          );
      }
  }
}
