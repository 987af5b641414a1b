/** One write that touched a container (contact folder, calendar, To Do list): create, update, delete, move in or out. */
export interface ChangeLogEntry {
  sequence: number;
  itemKey: string;
  /** The REST id the item had at that moment: after a move out, clients still know the old one. */
  restId: string;
}

/**
 * A change log that delta reads from: for each container, the writes in sequence order.
 * Entries are only ever appended, so the changes inside a closed window never change.
 */
export class FolderChangeLog {
  private readonly entriesByFolder = new Map<string, ChangeLogEntry[]>();

  append(folderId: string, entry: ChangeLogEntry): void {
    const entries = this.entriesByFolder.get(folderId);
    if (entries) entries.push(entry);
    else this.entriesByFolder.set(folderId, [entry]);
  }

  /** The items touched in (since, until], each once, ordered by its last write in the window. */
  changedBetween(folderId: string, since: number, until: number): ChangeLogEntry[] {
    const entries = this.entriesByFolder.get(folderId) ?? [];
    const latest = new Map<string, ChangeLogEntry>();
    for (let index = firstAfter(entries, since); index < entries.length; index += 1) {
      const entry = entries[index];
      if (!entry || entry.sequence > until) break;
      latest.delete(entry.itemKey);
      latest.set(entry.itemKey, entry);
    }
    return [...latest.values()];
  }

  forget(folderId: string): void {
    this.entriesByFolder.delete(folderId);
  }
}

function firstAfter(entries: readonly ChangeLogEntry[], sequence: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((entries[middle]?.sequence ?? Infinity) <= sequence) low = middle + 1;
    else high = middle;
  }
  return low;
}
