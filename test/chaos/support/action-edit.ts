/**
 * What the ERP user and Amélie in Outlook do to one synced action between two syncs: to its event
 * in her calendar, or to its task in her To Do list. A value both sides change (`sameField`) is a
 * conflict; the others have one author.
 */
export const actionEditKinds = [
  'erpOnly',
  'outlookOnly',
  /** The ERP one field, Outlook another: both kept. */
  'differentFields',
  /** The same field on both sides (subject, notes, the event's time, the task's due date): a conflict. */
  'sameField',
  /** The ERP makes the action private: its event becomes private (a field only the ERP decides). */
  'erpPrivate',
  /** The ERP completes the action, or Amélie completes its task in To Do. */
  'completed',
  /** The ERP gives the action to another salesperson: it leaves Amélie's mailbox and stays in the ERP. */
  'erpReassign',
  /** Amélie deletes the event or task: the ERP action stays as it is. */
  'outlookDelete',
] as const;

export type ActionEditKind = (typeof actionEditKinds)[number];

/** The fields both sides edit: an event's subject, notes and time (start and end together); a task's subject, notes, due date and status. */
export type ActionField = 'subject' | 'notes' | 'time' | 'dueDate' | 'status';

export type ActionCollection = 'events' | 'tasks';

/** One side's write that landed: the field, its value as both sides compare it, and when (virtual clock, ms). */
export interface ActionSideEdit {
  field: ActionField;
  value: unknown;
  at: number;
}

export interface ActionEdit {
  kind: ActionEditKind;
  collection: ActionCollection;
  erpId: string;
  /** Absent when that side's write did not land (a fault the user gave up on). */
  erp?: ActionSideEdit;
  outlook?: ActionSideEdit;
}
