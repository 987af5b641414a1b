import { en, type Translation } from './locales/en';
import type { Language } from './pick-language';

/**
 * The strings of one language. English is in the pane's first script; Spanish and French are a
 * chunk each, fetched only by the users who read them, which keeps the script before the card small.
 */
export async function loadStrings(language: Language): Promise<Translation> {
  switch (language) {
    case 'en':
      return en;
    case 'es':
      return (await import(/* webpackChunkName: "strings-es" */ './locales/es')).es;
    case 'fr':
      return (await import(/* webpackChunkName: "strings-fr" */ './locales/fr')).fr;
  }
}
