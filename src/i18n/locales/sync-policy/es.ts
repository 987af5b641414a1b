import type { Translation } from '../en';
import type { SyncPolicyStrings } from './en';

export const syncPolicyEs: Translation<SyncPolicyStrings> = {
  settings: {
    directionLabel: {
      contacts: 'Cómo se sincronizan los contactos',
      events: 'Cómo se sincronizan los eventos del calendario',
      tasks: 'Cómo se sincronizan las tareas de To Do',
    },
    conflictsLabel: {
      contacts: 'Si un contacto cambió en los dos lados',
      events: 'Si un evento cambió en los dos lados',
      tasks: 'Si una tarea cambió en los dos lados',
    },
    directions: {
      'erp-to-outlook': 'Del ERP a Outlook',
      'two-way': 'En los dos sentidos: mis cambios en Outlook vuelven al ERP',
      off: 'Sin sincronizar',
    },
    conflictPolicies: {
      'erp-wins': 'Conservar el valor del ERP',
      'outlook-wins': 'Conservar el valor de Outlook',
      newest: 'Conservar el cambio más reciente',
      manual: 'Elegir yo cada vez',
    },
    policyHint: 'Tu administrador decide qué opciones se ofrecen aquí.',
    todoListLabel: 'Lista de To Do para las acciones sin hora',
  },
  admin: {
    policyHeading: 'Qué pueden elegir los usuarios',
    policyHint: 'Para cada colección, los sentidos de sincronización y las reglas de conflicto que los usuarios pueden elegir, y lo que tienen mientras no elijan. Quien tenga una opción que ya no se permite pasa a la predeterminada.',
    collections: {
      contacts: 'Contactos',
      events: 'Eventos del calendario',
      tasks: 'Tareas de To Do',
    },
    allowedDirections: 'Sentidos que pueden elegir',
    allowedConflicts: 'Reglas de conflicto que pueden elegir',
    defaultDirection: 'Sentido predeterminado',
    defaultConflicts: 'Regla de conflicto predeterminada',
    loadingPolicy: 'Cargando la política de sincronización',
    savePolicy: 'Guardar lo que pueden elegir',
    savingPolicy: 'Guardando…',
    policySaved: 'Guardado. Las opciones de usuarios que queden fuera pasan a las predeterminadas.',
    policyFromConfiguration: 'Tal como la fija la configuración del puente.',
  },
};
