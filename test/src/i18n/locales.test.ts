import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../src/domain/error-code';
import { createI18n } from '../../../src/i18n/create-i18n';
import { en } from '../../../src/i18n/locales/en';
import { es } from '../../../src/i18n/locales/es';
import { fr } from '../../../src/i18n/locales/fr';
import { loadStrings } from '../../../src/i18n/load-strings';
import { pickLanguage } from '../../../src/i18n/pick-language';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

describe('the translations', () => {
  it.each([
    ['es', es],
    ['fr', fr],
  ] as const)('%s has every English key, each translated and keeping its placeholders', (_language, strings) => {
    const english = new Map(leaves(en));
    const translated = new Map(leaves(strings));
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of translated) {
      expect(text.trim(), key).not.toBe('');
      const placeholders = (value: string) => [...value.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();
      expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it('has a message for every error code of the bridge', () => {
    for (const code of errorCodes) expect(en.errors[code]).toBeTruthy();
  });

  it('interpolates without escaping (React escapes) and switches language per instance', () => {
    expect(createI18n('es', es).t('card.lookingUp', { email: '<a@b.c>' })).toBe('Buscando <a@b.c> en el ERP');
    expect(createI18n('fr', fr).t('logEmail.log')).toBe('Enregistrer ce message');
    expect(createI18n('en', en).t('logEmail.log')).toBe('Log this email');
  });
});

describe('picking the language from Office', () => {
  it.each([
    ['es-ES', 'es'],
    ['es-MX', 'es'],
    ['fr-FR', 'fr'],
    ['FR-ca', 'fr'],
    ['en-GB', 'en'],
    ['ca-ES', 'en'],
    ['', 'en'],
  ] as const)('%s → %s', (displayLanguage, language) => {
    expect(pickLanguage(displayLanguage)).toBe(language);
  });
});

describe('loadStrings', () => {
  it('gives each language its own strings, Spanish and French from their own chunks', async () => {
    expect(await loadStrings('en')).toBe(en);
    expect(await loadStrings('es')).toBe(es);
    expect(await loadStrings('fr')).toBe(fr);
  });
});
