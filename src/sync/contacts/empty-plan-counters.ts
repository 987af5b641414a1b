import type { ContactPlanCounters } from './contact-plan';
import { countContactOperations } from './count-contact-operations';

/** The counters of a run that planned nothing (quiet, or stopped before its plan). */
export function emptyPlanCounters(): ContactPlanCounters {
  return { ...countContactOperations([]), heldRemovals: 0, waitingConflicts: 0, untouchedOutlookContacts: 0, duplicatesLeftAlone: 0, unchanged: 0 };
}
