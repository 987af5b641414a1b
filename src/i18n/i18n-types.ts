import type { Strings } from './locales/en';

// Typed keys: `t('card.notInErp')` compiles, a misspelt key does not.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Strings };
  }
}
