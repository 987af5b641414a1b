import type { Translation } from '../en';
import type { SyncPolicyStrings } from './en';

export const syncPolicyFr: Translation<SyncPolicyStrings> = {
  settings: {
    directionLabel: {
      contacts: 'Synchronisation des contacts',
      events: 'Synchronisation des événements du calendrier',
      tasks: 'Synchronisation des tâches To Do',
    },
    conflictsLabel: {
      contacts: 'Si un contact a changé des deux côtés',
      events: 'Si un événement a changé des deux côtés',
      tasks: 'Si une tâche a changé des deux côtés',
    },
    directions: {
      'erp-to-outlook': 'De l’ERP vers Outlook',
      'two-way': 'Dans les deux sens : mes modifications dans Outlook reviennent dans l’ERP',
      off: 'Non synchronisé',
    },
    conflictPolicies: {
      'erp-wins': 'Garder la valeur de l’ERP',
      'outlook-wins': 'Garder la valeur d’Outlook',
      newest: 'Garder la modification la plus récente',
      manual: 'Me laisser choisir à chaque fois',
    },
    policyHint: 'Votre administrateur décide des choix proposés ici.',
    todoListLabel: 'Liste To Do des actions sans heure',
  },
  admin: {
    policyHeading: 'Ce que les utilisateurs peuvent choisir',
    policyHint: 'Par collection, les sens de synchronisation et les règles de conflit proposés aux utilisateurs, et ce qu’ils ont tant qu’ils n’ont pas choisi. Un choix qui n’est plus permis revient à la valeur par défaut.',
    collections: {
      contacts: 'Contacts',
      events: 'Événements du calendrier',
      tasks: 'Tâches To Do',
    },
    allowedDirections: 'Sens proposés',
    allowedConflicts: 'Règles de conflit proposées',
    defaultDirection: 'Sens par défaut',
    defaultConflicts: 'Règle de conflit par défaut',
    loadingPolicy: 'Chargement de la politique de synchronisation',
    savePolicy: 'Enregistrer ce que les utilisateurs peuvent choisir',
    savingPolicy: 'Enregistrement…',
    policySaved: 'Enregistré. Les choix qui sortent de ces limites reviennent aux valeurs par défaut.',
    policyFromConfiguration: 'Telle que fixée par la configuration du pont.',
  },
};
