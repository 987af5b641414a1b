import type { ContactConflict } from './contact-conflict';
import type { ContactLink } from './contact-link';

/** The mailbox's contact links and conflicts, over the bridge store (`links`, `conflicts`). */
export interface ContactLinkStore {
  /** Sorted by erpId. */
  listLinks(): Promise<ContactLink[]>;
  /** Inserts or replaces the link of `link.erpId`. */
  saveLink(link: ContactLink): Promise<void>;
  removeLink(erpId: string): Promise<void>;
  /** The open conflicts, and the resolved ones (a user's resolution is applied by the next run). */
  listConflicts(): Promise<ContactConflict[]>;
  addConflict(conflict: ContactConflict): Promise<void>;
}
