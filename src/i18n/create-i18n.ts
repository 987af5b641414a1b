import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Translation } from './locales/en';
import { type Language } from './pick-language';

/**
 * An i18next instance for one language, with English as the fallback for a string not translated
 * yet. Both are given, so the first render needs no request (`loadStrings` fetches the language's
 * strings first). React escapes every value, so i18next's own escaping is off.
 */
export function createI18n(language: Language, strings: Translation): i18n {
  const instance = createInstance({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, [language]: { translation: strings } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  void instance.use(initReactI18next).init();
  return instance;
}
