import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';
import { type Language } from './pick-language';

/**
 * An i18next instance with the three languages bundled (a few KB each), so the first render needs
 * no request. React escapes every value, so i18next's own escaping is off.
 */
export function createI18n(language: Language): i18n {
  const instance = createInstance({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, es: { translation: es }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  void instance.use(initReactI18next).init();
  return instance;
}
