import type { RefusedContactField } from './check-erp-contact-changes';
import type { ContactOperation, ContactOperationKind } from './contact-operation';

export type ContactPlanCounters = Record<ContactOperationKind, number> & {
  /** Removals held back by the mass-removal guard. */
  heldRemovals: number;
  /** Fields waiting for the user's choice (policy `manual`), including ones already waiting. */
  waitingConflicts: number;
  /** Outlook contacts without our tag (the user's own, another environment's): never touched. */
  untouchedOutlookContacts: number;
  /** Tagged copies someone edited beside the kept one (a user's copy, a contact moved out and back): left alone. */
  duplicatesLeftAlone: number;
  /** ERP contacts whose Outlook copy is already in step. */
  unchanged: number;
};

/** What one run should do to the mailbox's contacts; applying it and planning again gives an empty plan. */
export type ContactPlan = {
  /** Sorted by (erpId, step order); see `ContactOperation` for how the runner applies them. */
  operations: ContactOperation[];
  /** Removals that wait for the user's confirmation, sorted by erpId. */
  heldRemovals: Extract<ContactOperation, { kind: 'removeFromOutlook' }>[];
  /** True when removals were held: the run ends in `waiting_confirmation`. */
  needsConfirmation: boolean;
  /** Outlook values the ERP would refuse, sorted by erpId: left out of its writes, reported as item failures. */
  refusedFields: (RefusedContactField & { erpId: string })[];
  counters: ContactPlanCounters;
};
