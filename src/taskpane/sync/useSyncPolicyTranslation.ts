import { useTranslation } from 'react-i18next';
import { addSyncPolicyStrings } from '../../i18n/add-sync-policy-strings';

/** `useTranslation` for views that show the sync policy's controls: their strings are added to the instance first. */
export function useSyncPolicyTranslation() {
  const translation = useTranslation();
  addSyncPolicyStrings(translation.i18n);
  return translation;
}
