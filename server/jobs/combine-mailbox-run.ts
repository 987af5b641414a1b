import type { ContactRunReport } from '../../src/sync/contacts/contact-run-report';
import { emptyPlanCounters } from '../../src/sync/contacts/empty-plan-counters';
import type { ActionCollectionReport } from './action-collection-run';
import { actionCollectionNames, type ActionCollectionName, type MailboxRunReport } from './mailbox-run-report';

/**
 * The report of a whole mailbox run from its parts: it failed when any part failed (the first
 * failure, contacts' before the collections', is the run's), else it waits when the contacts wait
 * for a confirmation; it is quiet when every part was. Item failures leave a part succeeded or
 * partial, as they leave a contact run succeeded.
 */
export function combineMailboxRun(
  contacts: ContactRunReport | undefined,
  collections: Partial<Record<ActionCollectionName, ActionCollectionReport>>,
  times: { startedAt: string; finishedAt: string },
): MailboxRunReport {
  const ran = actionCollectionNames.flatMap((name) => collections[name] ?? []);
  const contactPart = contacts ?? { ...noContactRun(), ...times };
  const failure = contactPart.failure ?? ran.find((report) => report.outcome === 'failed')?.failure;
  const failed = contactPart.outcome === 'failed' || ran.some((report) => report.outcome === 'failed');
  const contactFields = { ...contactPart };
  delete contactFields.failure;
  return {
    ...contactFields,
    outcome: failed ? 'failed' : contactPart.outcome,
    ...(failure ? { failure } : {}),
    quiet: contactPart.quiet && ran.every((report) => report.quiet),
    ...times,
    contactsSynced: contacts !== undefined,
    collections,
  };
}

function noContactRun(): Omit<ContactRunReport, 'startedAt' | 'finishedAt'> {
  return { outcome: 'succeeded', planned: emptyPlanCounters(), applied: 0, failures: [], skipped: 0, heldRemovals: [], quiet: true, failedOperations: 0, resynced: false };
}
