import type { ContactSyncStore, ContactSyncTransaction, SavedContactSync } from '../../src/sync/contacts/contact-sync-store';
import type { Store, UserKey } from '../store/store';

/** The parts of the bridge store contact sync keeps its state in. */
export type ContactSyncTables = Pick<Store, 'links' | 'cursors' | 'conflicts'> & { transaction<T>(work: (tx: ContactSyncTables) => Promise<T>): Promise<T> };
import { contactCursors, contactSyncStateSchema, erpWriteIntentsSchema, folderChangeSchema } from './contact-sync-state';
import { createStoreContactLinks, toContactLink } from './create-store-contact-links';

/** Links read this many at a time: a mailbox's 100,000 rows with their snapshots at once weigh about 70 MB. */
const pageSize = 2000;

function parseJson(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    // An unreadable row is read as absent: a missing state costs one full listing, which is always safe.
    return undefined;
  }
}

function transactionOf(tx: ContactSyncTables, user: UserKey, now: () => Date): ContactSyncTransaction {
  const putOrRemove = async (collection: string, value: string | undefined, at: string) => {
    if (value === undefined) await tx.cursors.remove(user, collection);
    else await tx.cursors.put({ user, collection, value, updatedAt: at });
  };
  return {
    links: createStoreContactLinks(tx, user),
    async saveErpWriteIntents(intents) {
      const value = Object.keys(intents).length ? JSON.stringify(intents) : undefined;
      await putOrRemove(contactCursors.erpWriteIntents, value, now().toISOString());
    },
    async saveRunEnd({ erpFeed, outlookDelta, state }) {
      await putOrRemove(contactCursors.outlookDelta, outlookDelta, state.listedAt);
      await putOrRemove(contactCursors.erpFeed, erpFeed, state.listedAt);
      await tx.cursors.put({ user, collection: contactCursors.state, value: JSON.stringify(state), updatedAt: state.listedAt });
    },
    async saveOutlookDelta(deltaLink) {
      await tx.cursors.put({ user, collection: contactCursors.outlookDelta, value: deltaLink, updatedAt: now().toISOString() });
    },
    async saveFolderChange(change) {
      await tx.cursors.put({ user, collection: contactCursors.folderChange, value: JSON.stringify(change), updatedAt: now().toISOString() });
    },
    async endFolderChange(folderId) {
      for (const collection of [contactCursors.folderChange, contactCursors.outlookDelta, contactCursors.erpFeed]) await tx.cursors.remove(user, collection);
      const state = { folderId, fingerprint: '', pending: true, listedAt: now().toISOString() };
      await tx.cursors.put({ user, collection: contactCursors.state, value: JSON.stringify(state), updatedAt: state.listedAt });
    },
  };
}

/** One user's contact sync over the bridge store: links, conflicts and the cursors runs leave. */
export function createStoreContactSync(store: ContactSyncTables, user: UserKey, now: () => Date): ContactSyncStore {
  return {
    async readSaved(): Promise<SavedContactSync> {
      const [erpFeed, outlookDelta, state, intents, folderChange] = await Promise.all([
        store.cursors.get(user, contactCursors.erpFeed),
        store.cursors.get(user, contactCursors.outlookDelta),
        store.cursors.get(user, contactCursors.state),
        store.cursors.get(user, contactCursors.erpWriteIntents),
        store.cursors.get(user, contactCursors.folderChange),
      ]);
      const change = folderChangeSchema.safeParse(parseJson(folderChange?.value)).data;
      const parsedState = contactSyncStateSchema.safeParse(parseJson(state?.value)).data;
      return {
        erpWriteIntents: erpWriteIntentsSchema.safeParse(parseJson(intents?.value)).data ?? {},
        ...(erpFeed ? { erpFeed: erpFeed.value } : {}),
        // An empty link is no link: resuming from it would read nothing ever again.
        ...(outlookDelta?.value ? { outlookDelta: outlookDelta.value } : {}),
        ...(parsedState ? { state: parsedState } : {}),
        ...(change ? { folderChange: change } : {}),
      };
    },
    async forEachLink(visit) {
      for (let afterErpId: string | undefined; ; ) {
        const page = await store.links.listForUser(user, 'contact', { ...(afterErpId === undefined ? {} : { afterErpId }), limit: pageSize });
        for (const record of page) {
          const { erpId, outlookId, state, missedListings, updatedAt } = record;
          visit({ erpId, outlookId, state, missedListings, updatedAt, readSnapshot: () => toContactLink(record).snapshot });
        }
        const last = page.at(-1);
        if (page.length < pageSize || last === undefined) return;
        afterErpId = last.erpId;
      }
    },
    async readLinks(erpIds) {
      const links = [];
      for (const erpId of erpIds) {
        const record = await store.links.get(user, 'contact', erpId);
        if (record) links.push(toContactLink(record));
      }
      return links;
    },
    listConflicts: () => createStoreContactLinks(store, user).listConflicts(),
    transaction: (work) => store.transaction((tx) => work(transactionOf(tx, user, now))),
  };
}
