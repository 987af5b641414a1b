import type { ContactRunReport } from '../../src/sync/contacts/contact-run-report';
import type { ActionCollectionReport } from './action-collection-run';

/** The action collections a mailbox run syncs after contacts, in this order. */
export const actionCollectionNames = ['events', 'tasks'] as const;
export type ActionCollectionName = (typeof actionCollectionNames)[number];

/**
 * What a mailbox run did, kept as the `report` of its `RunRecord`: the contact run's report at the
 * top (an empty one when contacts are off), each action collection's under `collections`.
 * `outcome`, `failure`, `quiet` and the times are the whole run's; the counts are the contacts'.
 */
export type MailboxRunReport = ContactRunReport & {
  /** Whether this run synced contacts (they are off for the mailbox otherwise). */
  contactsSynced: boolean;
  collections: Partial<Record<ActionCollectionName, ActionCollectionReport>>;
};
