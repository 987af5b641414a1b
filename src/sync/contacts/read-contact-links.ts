import type { ContactLink } from './contact-link';
import type { ContactSyncStore, StoredContactLink } from './contact-sync-store';
import { toKeyedContactLink } from './create-in-step-filter';
import type { KeyedContactLink } from './listed-contact';

/** What the run knows of a link without its snapshot: enough for the fingerprint and change detection. */
export type LinkState = Pick<ContactLink, 'erpId' | 'outlookId' | 'state' | 'missedListings' | 'updatedAt'>;

export interface ReadContactLinks {
  /** Every link by erpId: keyed (`KeyedContactLink`) when read for planning, else its state only. */
  byErpId: Map<string, LinkState | KeyedContactLink>;
  /** The links `isUnsettled` picked, whole: a crashed run's pending creates and ERP writes. */
  unsettled: ContactLink[];
}

/**
 * The mailbox's links in one pass of the store. For planning (`keyed`), each link is kept keyed,
 * without its snapshot: 100,000 snapshots held at once would be most of a run's memory; planning
 * reads the few it needs again (`ContactSyncStore.readLinks`).
 */
export async function readContactLinks(store: Pick<ContactSyncStore, 'forEachLink'>, keyed: boolean, isUnsettled: (link: LinkState) => boolean): Promise<ReadContactLinks> {
  const read: ReadContactLinks = { byErpId: new Map(), unsettled: [] };
  await store.forEachLink((link: StoredContactLink) => {
    const { erpId, outlookId, state, missedListings, updatedAt } = link;
    if (isUnsettled(link)) {
      const whole: ContactLink = { erpId, outlookId, state, missedListings, updatedAt, snapshot: link.readSnapshot() };
      read.unsettled.push(whole);
      read.byErpId.set(erpId, { erpId, outlookId, state, missedListings, updatedAt });
    } else {
      read.byErpId.set(erpId, keyed ? toKeyedContactLink({ erpId, outlookId, state, missedListings, updatedAt, snapshot: link.readSnapshot() }) : { erpId, outlookId, state, missedListings, updatedAt });
    }
  });
  return read;
}

/** Whether a link was read keyed. */
export const isKeyedLink = (link: LinkState | KeyedContactLink): link is KeyedContactLink => 'snapshotKey' in link;
