import type { ContactConflict } from '../../src/sync/contacts/contact-conflict';
import type { ContactSyncStore, ContactSyncTransaction, SavedContactSync } from '../../src/sync/contacts/contact-sync-store';
import type { FakeContactLinkStore } from './fake-contact-link-store';

/**
 * The bridge store as a run sees it, over a fake link store: saved cursors and state, and what the
 * run read of the links (`linkPasses`: whole passes; `linksReadAgain`: snapshots read by id).
 * A transaction's writes land at once (no rollback): the tests here do not fail a transaction.
 */
export class FakeContactSyncStore implements ContactSyncStore {
  saved: SavedContactSync = { erpWriteIntents: {} };
  linkPasses = 0;
  linksReadAgain = 0;

  constructor(readonly links: FakeContactLinkStore) {}

  async readSaved(): Promise<SavedContactSync> {
    return structuredClone(this.saved);
  }

  async forEachLink(visit: Parameters<ContactSyncStore['forEachLink']>[0]): Promise<void> {
    this.linkPasses += 1;
    for (const { snapshot, ...link } of await this.links.listLinks()) visit({ ...link, readSnapshot: () => structuredClone(snapshot) });
  }

  async readLinks(erpIds: readonly string[]) {
    this.linksReadAgain += erpIds.length;
    return erpIds.flatMap((erpId) => this.links.link(erpId) ?? []);
  }

  listConflicts(): Promise<ContactConflict[]> {
    return this.links.listConflicts();
  }

  async transaction<T>(work: (tx: ContactSyncTransaction) => Promise<T>): Promise<T> {
    return work({
      links: this.links,
      saveErpWriteIntents: async (erpWriteIntents) => {
        this.saved = { ...this.saved, erpWriteIntents: structuredClone(erpWriteIntents) };
      },
      saveRunEnd: async ({ erpFeed, outlookDelta, state }) => {
        this.saved = { erpWriteIntents: this.saved.erpWriteIntents, state, ...(erpFeed === undefined ? {} : { erpFeed }), ...(outlookDelta === undefined ? {} : { outlookDelta }) };
      },
      saveOutlookDelta: async (outlookDelta) => {
        this.saved = { ...this.saved, outlookDelta };
      },
      saveFolderChange: async (folderChange) => {
        this.saved = { ...this.saved, folderChange: structuredClone(folderChange) };
      },
      endFolderChange: async (folderId) => {
        this.saved = { erpWriteIntents: this.saved.erpWriteIntents, state: { folderId, fingerprint: '', pending: true, listedAt: this.saved.state?.listedAt ?? '' } };
      },
    });
  }
}
