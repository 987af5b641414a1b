import type { ContactLink } from './contact-link';
import type { ContactSyncStore, StoredContactLink } from './contact-sync-store';
import { toKeyedContactLink } from './create-in-step-filter';
import type { KeyedContactLink } from './listed-contact';

/** What the run knows of a link without its snapshot: enough for the fingerprint and change detection. */
export type LinkState = Pick<ContactLink, 'erpId' | 'outlookId' | 'state' | 'missedListings' | 'updatedAt'>;

/** A link read for planning: keyed, and with its time, which the fingerprint reads. */
export type KeyedLinkState = KeyedContactLink & Pick<ContactLink, 'updatedAt'>;

export interface ReadContactLinks {
  /** Every link by erpId: keyed when read for planning, else its state only. */
  byErpId: Map<string, LinkState | KeyedLinkState>;
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
  // Links saved by one run share its time: one string each, not one per link.
  const times = new Map<string, string>();
  await store.forEachLink((link: StoredContactLink) => {
    const { erpId, outlookId, state, missedListings } = link;
    let updatedAt = times.get(link.updatedAt);
    if (updatedAt === undefined) times.set(link.updatedAt, (updatedAt = link.updatedAt));
    if (isUnsettled(link)) {
      const whole: ContactLink = { erpId, outlookId, state, missedListings, updatedAt, snapshot: link.readSnapshot() };
      read.unsettled.push(whole);
      read.byErpId.set(erpId, { erpId, outlookId, state, missedListings, updatedAt });
    } else {
      if (!keyed) return void read.byErpId.set(erpId, { erpId, outlookId, state, missedListings, updatedAt });
      const { snapshotKey, managesCategories } = toKeyedContactLink({ erpId, outlookId, state, missedListings, updatedAt, snapshot: link.readSnapshot() });
      const entry: KeyedLinkState = { erpId, outlookId, state, missedListings, updatedAt, snapshotKey, managesCategories };
      read.byErpId.set(erpId, entry);
    }
  });
  return read;
}

/** Whether a link was read keyed. */
export const isKeyedLink = (link: LinkState | KeyedLinkState): link is KeyedLinkState => 'snapshotKey' in link;
