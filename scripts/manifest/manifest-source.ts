/**
 * The one source of both manifests (add-in-only XML and unified JSON): identity, strings in
 * en / es / fr, the four command surfaces and the requirement sets. Only the environment (URL,
 * App ID, authority) varies; see `manifest-environment.ts`.
 */

export const manifestLocales = ['en', 'es', 'fr'] as const;
export type ManifestLocale = (typeof manifestLocales)[number];

/** XML overrides use culture names; the unified manifest uses lower-case language tags. */
export const xmlLocaleOf: Record<ManifestLocale, string> = { en: 'en-US', es: 'es-ES', fr: 'fr-FR' };
export const unifiedLocaleOf: Record<ManifestLocale, string> = { en: 'en-us', es: 'es-es', fr: 'fr-fr' };

export interface SurfaceSource {
  /** XML extension point. */
  extensionPoint: 'MessageReadCommandSurface' | 'MessageComposeCommandSurface' | 'AppointmentAttendeeCommandSurface' | 'AppointmentOrganizerCommandSurface';
  /** Unified ribbon context. */
  context: 'mailRead' | 'mailCompose' | 'meetingDetailsAttendee' | 'meetingDetailsOrganizer';
  /** Id stem of the group and button; unique per surface. */
  id: string;
  /** A pinned pane follows the selection: only where the user moves through items. */
  pinnable: boolean;
  label: 'openCard' | 'openCompose';
}

export const manifestSource = {
  /** The add-in's own id (not the Entra App ID). An environment may pass its own with --addin-id. */
  addinId: '8f6c2b1e-3d4a-4e5f-9a0b-1c2d3e4f5a6b',
  version: '0.1.0',
  provider: 'ERP Bridge',
  accentColor: '#0F6CBD',
  /** Compose needs ReadWriteItem (insert text, add recipients); nothing needs the whole mailbox. */
  xmlPermissions: 'ReadWriteItem',
  unifiedPermission: 'MailboxItem.ReadWrite.User',
  /** The lowest set the add-in loads on; NestedAppAuth 1.1 and IdentityAPI 1.3 are detected at run time. */
  mailboxMinVersion: '1.5',
  /** Legacy Office SSO (IdentityAPI 1.3) asks for these with the bridge's `api://` resource. */
  ssoScopes: ['openid', 'profile', 'offline_access'],
  surfaces: [
    { extensionPoint: 'MessageReadCommandSurface', context: 'mailRead', id: 'MessageRead', pinnable: true, label: 'openCard' },
    { extensionPoint: 'MessageComposeCommandSurface', context: 'mailCompose', id: 'MessageCompose', pinnable: false, label: 'openCompose' },
    { extensionPoint: 'AppointmentAttendeeCommandSurface', context: 'meetingDetailsAttendee', id: 'AppointmentAttendee', pinnable: true, label: 'openCard' },
    { extensionPoint: 'AppointmentOrganizerCommandSurface', context: 'meetingDetailsOrganizer', id: 'AppointmentOrganizer', pinnable: false, label: 'openCard' },
  ] satisfies SurfaceSource[],
  strings: {
    en: {
      displayName: 'ERP Bridge',
      shortDescription: 'Your ERP contacts, accounts and actions next to your mail.',
      description:
        'See the ERP contact, account and recent actions of the people in a message or meeting, create contacts and actions, and log emails and meetings to the ERP.',
      groupLabel: 'ERP Bridge',
      openCard: 'ERP card',
      openCardTip: 'Shows the people of this item as they are in the ERP, and logs it to the ERP.',
      openCompose: 'ERP contacts',
      openComposeTip: 'Finds ERP contacts to insert into this message or add as recipients.',
    },
    es: {
      displayName: 'ERP Bridge',
      shortDescription: 'Sus contactos, clientes y acciones del ERP junto a su correo.',
      description:
        'Vea el contacto, el cliente y las últimas acciones del ERP de las personas de un mensaje o reunión, cree contactos y acciones, y registre correos y reuniones en el ERP.',
      groupLabel: 'ERP Bridge',
      openCard: 'Ficha del ERP',
      openCardTip: 'Muestra las personas de este elemento tal como están en el ERP y lo registra en el ERP.',
      openCompose: 'Contactos del ERP',
      openComposeTip: 'Busca contactos del ERP para insertarlos en este mensaje o añadirlos como destinatarios.',
    },
    fr: {
      displayName: 'ERP Bridge',
      shortDescription: 'Vos contacts, comptes et actions de l’ERP à côté de vos e-mails.',
      description:
        'Voyez le contact, le compte et les dernières actions ERP des personnes d’un message ou d’une réunion, créez contacts et actions, et enregistrez e-mails et réunions dans l’ERP.',
      groupLabel: 'ERP Bridge',
      openCard: 'Fiche ERP',
      openCardTip: 'Montre les personnes de cet élément telles qu’elles sont dans l’ERP et l’enregistre dans l’ERP.',
      openCompose: 'Contacts ERP',
      openComposeTip: 'Trouve des contacts ERP à insérer dans ce message ou à ajouter comme destinataires.',
    },
  } satisfies Record<ManifestLocale, Record<string, string>>,
} as const;

export type ManifestStrings = (typeof manifestSource.strings)['en'];
