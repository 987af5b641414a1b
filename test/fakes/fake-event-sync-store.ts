import type { EventConflict } from '../../src/sync/events/event-conflict';
import type { EventLink } from '../../src/sync/events/event-link';
import type { EventSyncStore, EventSyncTransaction, SavedEventSync } from '../../src/sync/events/event-sync-store';

/** The event sync's store in memory; a transaction's writes land only when its work returns. */
export class FakeEventSyncStore implements EventSyncStore {
  links = new Map<string, EventLink>();
  conflicts: EventConflict[] = [];
  saved: SavedEventSync = {};

  async readSaved(): Promise<SavedEventSync> {
    return structuredClone(this.saved);
  }

  async listLinks(): Promise<EventLink[]> {
    return [...this.links.values()].map((link) => structuredClone(link)).toSorted((left, right) => left.erpId.localeCompare(right.erpId));
  }

  async listConflicts(): Promise<EventConflict[]> {
    return structuredClone(this.conflicts);
  }

  async transaction<T>(work: (tx: EventSyncTransaction) => Promise<T>): Promise<T> {
    const links = new Map(this.links);
    const conflicts = [...this.conflicts];
    let saved = this.saved;
    const result = await work({
      saveLink: async (link) => void links.set(link.erpId, structuredClone(link)),
      removeLink: async (erpId) => void links.delete(erpId),
      addConflict: async (conflict) => void conflicts.push(structuredClone(conflict)),
      saveCursors: async (cursors) => void (saved = structuredClone(cursors)),
    });
    this.links = links;
    this.conflicts = conflicts;
    this.saved = saved;
    return result;
  }
}
