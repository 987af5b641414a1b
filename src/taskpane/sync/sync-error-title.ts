import type { TFunction } from 'i18next';
import type { UiError } from '../errors/to-ui-error';

/**
 * Sync calls fail for reasons of their own: 403 means sync is not activated yet, 503 that this
 * bridge has no sync service. Other codes keep the pane's usual message.
 */
export function syncErrorTitle(t: TFunction, error: UiError): string | undefined {
  switch (error.code) {
    case 'forbidden':
      return t('sync.errors.forbidden');
    case 'unavailable':
      return t('sync.errors.unavailable');
    default:
      return undefined;
  }
}
