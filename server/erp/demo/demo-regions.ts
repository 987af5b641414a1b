import { base, en, en_GB, en_US, es, es_MX, fr, fr_CA, type LocaleDefinition } from '@faker-js/faker';
import type { DemoLanguage } from './demo-phrases';

export interface DemoRegion {
  code: 'es' | 'mx' | 'fr' | 'qc' | 'uk' | 'us';
  language: DemoLanguage;
  /** Faker locales, most specific first: `fr_CA` has no person names of its own and borrows `fr`'s. */
  locales: LocaleDefinition[];
  timeZone: string;
  country: string;
  /** Share of generated accounts; the weights add up to 100. */
  weight: number;
  companySuffixes: readonly string[];
  domainSuffix: string;
  personalDomains: readonly string[];
  /** `#` is a digit, `?` a letter (faker `replaceSymbols`). */
  taxIdPattern: string;
  mobilePattern: string;
  /** Cities when faker's locale has none that fit (Québec). */
  cities?: readonly string[];
  state?: string;
}

export const demoRegions: readonly DemoRegion[] = [
  {
    code: 'es',
    language: 'es',
    locales: [es, en, base],
    timeZone: 'Europe/Madrid',
    country: 'España',
    weight: 30,
    companySuffixes: ['S.L.', 'S.A.', 'S.L.U.'],
    domainSuffix: 'es',
    personalDomains: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net'],
    taxIdPattern: 'B########',
    mobilePattern: '6## ## ## ##',
  },
  {
    code: 'fr',
    language: 'fr',
    locales: [fr, en, base],
    timeZone: 'Europe/Paris',
    country: 'France',
    weight: 25,
    companySuffixes: ['SARL', 'SAS', 'S.A.', 'EURL'],
    domainSuffix: 'fr',
    personalDomains: ['orange.fr', 'free.fr', 'gmail.com', 'laposte.net'],
    taxIdPattern: 'FR## #########',
    mobilePattern: '06 ## ## ## ##',
  },
  {
    code: 'qc',
    language: 'fr',
    locales: [fr_CA, fr, en, base],
    timeZone: 'America/Toronto',
    country: 'Canada',
    weight: 15,
    companySuffixes: ['Inc.', 'Ltée', 'S.E.N.C.'],
    domainSuffix: 'ca',
    personalDomains: ['videotron.ca', 'gmail.com', 'hotmail.ca', 'bell.net'],
    taxIdPattern: '11########',
    mobilePattern: '514 ###-####',
    cities: ['Montréal', 'Québec', 'Laval', 'Gatineau', 'Longueuil', 'Sherbrooke', 'Lévis', 'Trois-Rivières', 'Saguenay', 'Rimouski'],
    state: 'Québec',
  },
  {
    code: 'mx',
    language: 'es',
    locales: [es_MX, es, en, base],
    timeZone: 'America/Mexico_City',
    country: 'México',
    weight: 10,
    companySuffixes: ['S.A. de C.V.', 'S. de R.L. de C.V.'],
    domainSuffix: 'com.mx',
    personalDomains: ['gmail.com', 'hotmail.com', 'prodigy.net.mx', 'outlook.com'],
    taxIdPattern: '???######???',
    mobilePattern: '55 #### ####',
  },
  {
    code: 'uk',
    language: 'en',
    locales: [en_GB, en, base],
    timeZone: 'Europe/London',
    country: 'United Kingdom',
    weight: 10,
    companySuffixes: ['Ltd', 'PLC', 'LLP'],
    domainSuffix: 'co.uk',
    personalDomains: ['gmail.com', 'btinternet.com', 'outlook.com', 'yahoo.co.uk'],
    taxIdPattern: 'GB### #### ##',
    mobilePattern: '07### ######',
  },
  {
    code: 'us',
    language: 'en',
    locales: [en_US, en, base],
    timeZone: 'America/New_York',
    country: 'United States',
    weight: 10,
    companySuffixes: ['Inc.', 'LLC', 'Corp.'],
    domainSuffix: 'com',
    personalDomains: ['gmail.com', 'yahoo.com', 'outlook.com', 'aol.com'],
    taxIdPattern: '##-#######',
    mobilePattern: '(212) ###-####',
  },
];
