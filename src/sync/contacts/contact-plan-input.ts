import type { ConflictPolicy, SyncDirection } from '../../domain/sync-settings';
import type { ContactConflict } from './contact-conflict';
import type { ListedContactLink, ListedErpContact, ListedOutlookContact } from './listed-contact';

export type ContactPlanInput = {
  /** The bridge environment: tags are `<environment>:<erpId>`; other environments' items are not ours. */
  environment: string;
  /** A full listing of the ERP contacts in the mailbox's scope; those in step with their link may come shrunk (`createInStepFilter`). */
  erpContacts: readonly ListedErpContact[];
  /** ERP ids the ERP reported deleted (change feed `deletedIds`). */
  erpTombstones?: readonly string[];
  /** A full listing of the synced folder, tags included; items in step with their link may come shrunk. */
  outlookContacts: readonly ListedOutlookContact[];
  /** A link may come without its snapshot only when its record is listed in step on both sides (`listedInStepIds`). */
  links: readonly ListedContactLink[];
  /** The mailbox's open conflicts and the resolved ones (a user's resolution newer than the link is applied). */
  conflicts?: readonly ContactConflict[];
  settings: { direction: Exclude<SyncDirection, 'off'>; policy: ConflictPolicy };
  /** ERP ids whose removal the user confirmed after a run stopped at the mass-removal guard. */
  confirmedRemovals?: readonly string[];
  /** ERP ids whose removal the last run held for confirmation and the user has not confirmed: they stay held. */
  heldRemovals?: readonly string[];
  /** The run's start (ISO 8601): one listing. Planning again with the same `now` counts no second miss. */
  now: string;
  /** New ids for conflict records, called in plan order. */
  newId: () => string;
};
