/** The host page's own words, in the languages the add-in speaks (Outlook follows its display language too). */
const strings = {
  en: {
    title: 'Outlook',
    subtitle: 'local demo',
    account: 'Account',
    language: 'Language',
    darkTheme: 'Dark theme',
    folders: 'Mailbox',
    inbox: 'Inbox',
    drafts: 'Drafts',
    draft: 'Draft',
    calendar: 'Calendar',
    reading: 'Reading pane',
    from: 'From',
    to: 'To',
    cc: 'Cc',
    organizer: 'Organizer',
    attendees: 'Attendees',
    optional: 'Optional',
    location: 'Location',
    when: 'When',
    categories: 'Categories',
    noItem: 'Select an item to read it.',
    addin: 'ERP Bridge add-in',
  },
  es: {
    title: 'Outlook',
    subtitle: 'demo local',
    account: 'Cuenta',
    language: 'Idioma',
    darkTheme: 'Tema oscuro',
    folders: 'Buzón',
    inbox: 'Bandeja de entrada',
    drafts: 'Borradores',
    draft: 'Borrador',
    calendar: 'Calendario',
    reading: 'Panel de lectura',
    from: 'De',
    to: 'Para',
    cc: 'CC',
    organizer: 'Organizador',
    attendees: 'Asistentes',
    optional: 'Opcionales',
    location: 'Ubicación',
    when: 'Cuándo',
    categories: 'Categorías',
    noItem: 'Selecciona un elemento para leerlo.',
    addin: 'Complemento ERP Bridge',
  },
  fr: {
    title: 'Outlook',
    subtitle: 'démo locale',
    account: 'Compte',
    language: 'Langue',
    darkTheme: 'Thème sombre',
    folders: 'Boîte aux lettres',
    inbox: 'Boîte de réception',
    drafts: 'Brouillons',
    draft: 'Brouillon',
    calendar: 'Calendrier',
    reading: 'Volet de lecture',
    from: 'De',
    to: 'À',
    cc: 'Cc',
    organizer: 'Organisateur',
    attendees: 'Participants',
    optional: 'Facultatifs',
    location: 'Lieu',
    when: 'Quand',
    categories: 'Catégories',
    noItem: 'Sélectionnez un élément pour le lire.',
    addin: 'Complément ERP Bridge',
  },
} as const;

export type HostLanguage = keyof typeof strings;
export type HostStrings = (typeof strings)[HostLanguage];

/** Office display languages the host offers, with the culture name Office.js reports. */
export const hostLanguages: { language: HostLanguage; culture: string; label: string }[] = [
  { language: 'en', culture: 'en-US', label: 'English' },
  { language: 'es', culture: 'es-ES', label: 'Español' },
  { language: 'fr', culture: 'fr-FR', label: 'Français' },
];

export function isHostLanguage(value: string | null): value is HostLanguage {
  return value === 'en' || value === 'es' || value === 'fr';
}

export function hostStrings(language: HostLanguage): HostStrings {
  return strings[language];
}
