import type { AppointmentSnapshot, DraftSnapshot, ItemSnapshot, MailAddress, MessageSnapshot } from '../host-protocol';

/** People of the demo ERP's fixed records (server/erp/demo/demo-fixed-records.ts), as Outlook shows them. */
export const demoPeople = {
  ana: { emailAddress: 'ana.garcia@example.es', displayName: 'Ana García' },
  jose: { emailAddress: 'jose.nunez@nunez-logistica.es', displayName: 'José Núñez' },
  nunezInfo: { emailAddress: 'info@nunez-logistica.es', displayName: 'Logística Núñez' },
  francoise: { emailAddress: 'francoise.lefevre@lefevre-fils.fr', displayName: 'Françoise Lefèvre' },
  tremblay: { emailAddress: 'ventes@erable.ca', displayName: 'François Tremblay' },
  oliver: { emailAddress: 'oliver.smith@example.co.uk', displayName: 'Oliver Smith' },
  /** The ERP contact whose name is markup: every page must show it as text. */
  markup: { emailAddress: 'markup@example.com', displayName: '<img src=x onerror=alert(1)>' },
  /** In no demo ERP: the pane offers to create the contact. */
  unknown: { emailAddress: 'marta.olivares@talleres-olivares.example', displayName: 'Marta Olivares' },
} satisfies Record<string, MailAddress>;

/** Stable ids, so tests and links can name an item. */
export const demoItemIds = {
  ana: 'msg-ana-order',
  nunez: 'msg-nunez-delivery',
  unknown: 'msg-unknown-quote',
  markup: 'msg-markup',
  francoise: 'msg-lefevre-order',
  tremblay: 'msg-tremblay-quote',
  oliver: 'msg-oliver-slides',
  meeting: 'mtg-quarterly-review',
  /** A message being written: the add-in shows its compose view. */
  draft: 'draft-nunez-offer',
} as const;

const minute = 60_000;

/**
 * The mailbox of a demo user: messages from ERP contacts (one of them shared by two contacts, one
 * whose name is markup), one from a stranger, a draft being written and a meeting with attendees.
 * Times are relative to `now`; internet message ids are fixed, as a real message's are for every recipient.
 */
export function demoMailbox(owner: MailAddress, now: Date): { messages: MessageSnapshot[]; appointments: AppointmentSnapshot[]; drafts: DraftSnapshot[] } {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * minute).toISOString();
  const message = (
    itemId: string,
    from: MailAddress,
    subject: string,
    minutesAgo: number,
    body: string,
    extra: { cc?: MailAddress[]; categories?: string[] } = {},
  ): MessageSnapshot => ({
    itemType: 'message',
    itemId,
    subject,
    from,
    to: [owner],
    cc: extra.cc ?? [],
    internetMessageId: `<${itemId}@demo.erp-bridge.example>`,
    dateTimeCreated: at(minutesAgo),
    body,
    categories: extra.categories ?? [],
  });
  const { ana, jose, nunezInfo, francoise, tremblay, oliver, markup, unknown } = demoPeople;

  const messages = [
    message(demoItemIds.ana, ana, 'Pedido de marzo: 40 palés', 12, 'Buenos días:\n\nOs confirmo el pedido de marzo, 40 palés con entrega en el almacén de Getafe.\n\nUn saludo,\nAna'),
    message(demoItemIds.nunez, jose, 'Entrega semana 12', 47, 'Hola,\n\nLa entrega de la semana 12 sale el martes. Pongo en copia a logística.\n\nJosé', { cc: [nunezInfo] }),
    message(demoItemIds.unknown, unknown, 'Solicitud de presupuesto', 95, 'Hola,\n\nSomos un taller nuevo en Bilbao y querríamos un presupuesto para 200 unidades.\n\nMarta Olivares'),
    message(demoItemIds.markup, markup, 'Name check: <b>not bold</b>', 180, 'This sender’s name is markup; Outlook and the add-in must show it as text.'),
    message(demoItemIds.francoise, francoise, 'Commande urgente — livraison vendredi', 320, 'Bonjour,\n\nPouvez-vous livrer la commande vendredi avant midi ?\n\nFrançoise'),
    message(demoItemIds.tremblay, tremblay, 'Soumission pour le printemps', 1500, 'Bonjour,\n\nVoici notre demande de soumission pour la saison du printemps.\n\nFrançois'),
    message(demoItemIds.oliver, oliver, 'Quarterly review slides', 2900, 'Hi,\n\nAttached are the slides for next week’s quarterly review.\n\nOliver', { categories: ['Important'] }),
  ];

  // Tomorrow at 10:00 local time, an hour long.
  const start = new Date(now);
  start.setDate(start.getDate() + 1);
  start.setHours(10, 0, 0, 0);
  const appointments: AppointmentSnapshot[] = [
    {
      itemType: 'appointment',
      itemId: demoItemIds.meeting,
      subject: 'Revisión trimestral con Núñez Logística',
      organizer: ana,
      requiredAttendees: [owner, jose],
      optionalAttendees: [oliver],
      start: start.toISOString(),
      end: new Date(start.getTime() + 60 * minute).toISOString(),
      location: 'Oficinas de Núñez Logística, Madrid',
      dateTimeCreated: at(4000),
      body: 'Repaso de pedidos del trimestre, previsión y condiciones de entrega.',
      categories: [],
    },
  ];
  const drafts: DraftSnapshot[] = [
    {
      itemType: 'draft',
      itemId: demoItemIds.draft,
      subject: 'Oferta de transporte para el segundo trimestre',
      to: [jose],
      cc: [],
      dateTimeCreated: at(5),
      body: 'Hola José:\n\nOs envío la oferta para el segundo trimestre. ',
      categories: [],
    },
  ];
  return { messages, appointments, drafts };
}

export function allItems(mailbox: ReturnType<typeof demoMailbox>): ItemSnapshot[] {
  return [...mailbox.messages, ...mailbox.drafts, ...mailbox.appointments];
}
