import type { ActionType } from '../../../src/domain/erp-records';

export type DemoLanguage = 'es' | 'fr' | 'en';

export interface DemoPhrases {
  jobTitles: readonly string[];
  /** Trades that make company names: "Núñez Logística S.L.". */
  trades: readonly string[];
  /** Joins two family names in a company name: "Lefèvre et Martin SARL". */
  and: string;
  sharedMailboxes: readonly string[];
  subjects: Record<ActionType, readonly string[]>;
  /** Subjects of all-day actions: trade fairs, site days. */
  allDaySubjects: readonly string[];
  notes: readonly string[];
}

/** Hand-written: faker's job titles and lorem text do not read as an ERP salesperson's notes. */
export const demoPhrases: Record<DemoLanguage, DemoPhrases> = {
  es: {
    jobTitles: ['Director comercial', 'Directora de compras', 'Jefe de almacén', 'Responsable de logística', 'Gerente', 'Administrativa', 'Técnico de mantenimiento', 'Jefa de producción', 'Contable', 'Responsable de calidad'],
    trades: ['Logística', 'Distribuciones', 'Construcciones', 'Suministros Industriales', 'Ingeniería', 'Transportes', 'Alimentación', 'Maquinaria', 'Climatización', 'Papelería'],
    and: 'y',
    sharedMailboxes: ['info', 'contacto', 'administracion', 'pedidos'],
    subjects: {
      call: ['Llamada de seguimiento', 'Llamar para confirmar el pedido', 'Llamada: revisión del presupuesto', 'Llamada sobre la factura pendiente'],
      visit: ['Visita comercial', 'Visita a la planta', 'Demostración en las oficinas del cliente', 'Visita de cortesía'],
      meeting: ['Reunión de revisión trimestral', 'Reunión de arranque del proyecto', 'Negociación de tarifas para el próximo año', 'Reunión con el equipo técnico'],
      email: ['Envío del presupuesto', 'Respuesta a la consulta técnica', 'Condiciones de pago y entrega', 'Catálogo de novedades'],
      task: ['Preparar la oferta', 'Revisar el contrato marco', 'Enviar muestras', 'Actualizar la ficha del cliente'],
      note: ['Interesado en ampliar el pedido', 'Cambio de interlocutor en compras', 'Prefiere que le llamen por la mañana', 'Nota interna sobre descuentos'],
    },
    allDaySubjects: ['Feria de proveedores', 'Jornada de formación en el cliente', 'Inventario anual'],
    notes: ['Pide descuento por volumen.', 'Enviar documentación técnica antes del viernes.', 'El pago se retrasa; seguir de cerca.', 'Muy satisfecho con el último envío.', 'Solicita visita del técnico.'],
  },
  fr: {
    jobTitles: ['Directeur commercial', 'Responsable des achats', 'Chef de projet', 'Gestionnaire de stock', 'Directrice générale', 'Comptable', 'Technicien de maintenance', 'Responsable qualité', 'Assistante de direction', 'Acheteuse'],
    trades: ['Distribution', 'Logistique', 'Bâtiment', 'Équipements', 'Ingénierie', 'Transports', 'Alimentaire', 'Menuiserie', 'Électricité', 'Imprimerie'],
    and: 'et',
    sharedMailboxes: ['info', 'contact', 'comptabilite', 'commandes'],
    subjects: {
      call: ['Appel de suivi', 'Rappeler pour la commande', 'Appel : relance du devis', 'Appel au sujet de la facture'],
      visit: ['Visite commerciale', 'Visite du site', 'Démonstration chez le client', 'Visite de courtoisie'],
      meeting: ['Réunion trimestrielle', 'Réunion de lancement du projet', 'Négociation des tarifs', "Réunion avec l'équipe technique"],
      email: ['Envoi du devis', 'Réponse à la demande technique', 'Conditions de paiement et de livraison', 'Catalogue des nouveautés'],
      task: ["Préparer l'offre", 'Relire le contrat cadre', 'Envoyer des échantillons', 'Mettre à jour la fiche client'],
      note: ["Intéressé par l'extension de la commande", 'Nouvel interlocuteur aux achats', 'Préfère être appelé le matin', 'Note interne sur les remises'],
    },
    allDaySubjects: ['Salon professionnel', 'Journée de formation chez le client', 'Inventaire annuel'],
    notes: ['Demande une remise sur volume.', 'Envoyer la documentation technique avant vendredi.', 'Paiement en retard : à suivre.', 'Très satisfait de la dernière livraison.', "Souhaite la visite d'un technicien."],
  },
  en: {
    jobTitles: ['Sales Director', 'Purchasing Manager', 'Operations Manager', 'Warehouse Supervisor', 'Managing Director', 'Accountant', 'Maintenance Engineer', 'Quality Manager', 'Office Manager', 'Buyer'],
    trades: ['Logistics', 'Supplies', 'Engineering', 'Building Services', 'Foods', 'Transport', 'Machinery', 'Printing', 'Electrical', 'Packaging'],
    and: 'and',
    sharedMailboxes: ['info', 'sales', 'accounts', 'orders'],
    subjects: {
      call: ['Follow-up call', 'Call to confirm the order', 'Call: quote review', 'Call about the overdue invoice'],
      visit: ['Sales visit', 'Site visit', 'Product demo at the customer', 'Courtesy visit'],
      meeting: ['Quarterly review', 'Project kick-off meeting', 'Pricing negotiation for next year', 'Meeting with the engineering team'],
      email: ['Quote sent', 'Answer to the technical question', 'Payment and delivery terms', 'New catalogue'],
      task: ['Prepare the offer', 'Review the framework contract', 'Send samples', 'Update the customer record'],
      note: ['Interested in a larger order', 'New contact in purchasing', 'Prefers calls in the morning', 'Internal note on discounts'],
    },
    allDaySubjects: ['Trade fair', 'Training day at the customer', 'Annual stock take'],
    notes: ['Asks for a volume discount.', 'Send the technical documents before Friday.', 'Payment is late; keep an eye on it.', 'Very happy with the last delivery.', 'Wants a visit from an engineer.'],
  },
};
