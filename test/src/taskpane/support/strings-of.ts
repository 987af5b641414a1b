import type { Language } from '../../../../src/i18n/pick-language';
import { en } from '../../../../src/i18n/locales/en';
import { es } from '../../../../src/i18n/locales/es';
import { fr } from '../../../../src/i18n/locales/fr';

/** Each language's strings at once: tests render in any language without the chunks the pane fetches. */
export const stringsOf = { en, es, fr } satisfies Record<Language, unknown>;
