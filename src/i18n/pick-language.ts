export const languages = ['en', 'es', 'fr'] as const;
export type Language = (typeof languages)[number];

/** Office gives a culture name (`es-ES`, `fr-CA`, `en-GB`); anything we do not translate falls back to English. */
export function pickLanguage(displayLanguage: string): Language {
  const primary = displayLanguage.trim().toLowerCase().split(/[-_]/)[0];
  return languages.find((language) => language === primary) ?? 'en';
}
