import type { Strings } from './locales/en';
import type { SyncPolicyStrings } from './locales/sync-policy/en';

// Typed keys: `t('card.notInErp')` compiles, a misspelt key does not.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The sync policy's strings join the instance with the views that use them (`addSyncPolicyStrings`).
    resources: { translation: Strings & SyncPolicyStrings };
  }
}
